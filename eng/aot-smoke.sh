#!/usr/bin/env bash
# NativeAOT smoke test: publishes samples/QqConnect.AotSmoke and samples/QqConnect.AspNetCore.AotSmoke with
# PublishAot (the whole QqConnect.Client, resp. QqConnect.AspNetCore, assembly rooted, every trim/AOT warning an
# error), runs each native binary and checks its output: the whole login against the in-process emulator,
# directly and through DI with configuration binding, QQ's error 100020 read in Chinese (CurrentUICulture zh-CN,
# the zh-Hans satellite assembly); and a slim ASP.NET Core site signing a browser in with
# AddQqConnect(section) and, through the emulator the site serves itself, with UseEmulatorInDevelopment(), and
# a refusal coming back to a browser that asks for Chinese with the handler's remoteError in Chinese.
# Then samples/QqConnect.AspNetCore.Identity.AotSmoke: the QqConnect.AspNetCore.Identity assembly rooted, its
# Chinese Identity messages, NFKC normaliser, QqLogin, user-name rules and QQ-aware confirmation run natively on an
# in-memory user store. That package references EF Core, whose model building and query pipeline are not trim- or
# AOT-safe, so that project collapses warnings to one line per assembly except for the QqConnect.* assemblies,
# which keep every warning as an error: here any IL2xxx/IL3xxx warning fails, except a collapsed "assembly
# produced trim/AOT warnings" line (IL2104, IL3053) of an assembly the project's line names with
# --not-aot-ready-upstream (EF Core and Identity's EF Core stores, never QqConnect.*), listed as not AOT-ready
# upstream. The EF Core binder and profile store are not run natively.
# Installs Debian's clang (the NativeAOT linker driver) and zlib1g-dev when missing. Last line:
# "aot smoke: passed" or "aot smoke: FAILED ..."; the exit code is non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

fail() {
  echo "aot smoke: FAILED ($1)"
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet is not on PATH"

# NativeAOT links with `clang` (gcc would do, but Debian's clang is what the SDK docs name) and needs zlib.
if ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  echo "== installing clang and zlib1g-dev"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || fail "apt-get update"
  $sudo apt-get install -y -qq clang zlib1g-dev >/dev/null || fail "apt-get install clang zlib1g-dev"
fi
command -v clang >/dev/null || fail "clang is not on PATH"

rid="linux-x64"
case "$(uname -m)" in
  aarch64|arm64) rid="linux-arm64" ;;
esac
out=$(mktemp -d "${TMPDIR:-/tmp}/qqconnect-aot-smoke.XXXXXX")
trap 'rm -rf "$out"' EXIT

# publish_and_run [--not-aot-ready-upstream ASSEMBLY-REGEX] PROJECT EXPECTED-LAST-LINE [GREP-PATTERN DESCRIPTION]...:
# publishes samples/PROJECT as a native binary, runs it, checks that every pattern occurs, that no check printed
# FAIL, and the last line. With --not-aot-ready-upstream, the collapsed IL2104/IL3053 warnings of the assemblies
# whose whole name matches the extended regex are allowed (and listed); every other trim/AOT warning fails.
publish_and_run() {
  local upstream=""
  if [ "$1" = "--not-aot-ready-upstream" ]; then
    upstream=$2
    shift 2
  fi
  local project=$1 last=$2
  shift 2
  echo "== publishing samples/$project (NativeAOT, $rid)"
  local log="$out/$project.publish.log" bin="$out/$project"
  if ! dotnet publish "samples/$project" -c Release -r "$rid" -o "$bin" --nologo >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u | head -50
    fail "$project: publish failed (trim/AOT warnings are errors; see above)"
  fi
  # No warning may slip through either (they are errors, but be explicit about IL2xxx/IL3xxx).
  local warnings line assembly allowed="" refused=""
  warnings=$(grep -oE 'warning IL[23][0-9]{3}: [^[]*' "$log" | sort -u || true)
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    assembly=$(sed -nE "s/^warning IL(2104|3053): Assembly '([^']+)' produced .*/\2/p" <<<"$line")
    if [ -n "$upstream" ] && [ -n "$assembly" ] && [[ ! "$assembly" =~ ^QqConnect\. ]] && grep -qxE "$upstream" <<<"$assembly"; then
      allowed+="  $line"$'\n'
    else
      refused+="  $line"$'\n'
    fi
  done <<<"$warnings"
  if [ -n "$refused" ]; then
    printf '%s' "$refused"
    fail "$project: trim/AOT warnings"
  fi
  if [ -n "$allowed" ]; then
    echo "not AOT-ready upstream (one collapsed warning per assembly; the QqConnect.* assemblies have none):"
    printf '%s' "$allowed"
  fi

  local binary="$bin/$project"
  [ -x "$binary" ] || fail "no native binary at $binary"
  [ ! -f "$bin/$project.dll" ] || fail "$project: the output is not a native image"
  echo "native binary: $(du -h "$binary" | cut -f1)"

  echo "== running it"
  local output
  output=$("$binary") || { echo "$output"; fail "$project: the binary exited with $?"; }
  echo "$output"
  while [ $# -ge 2 ]; do
    grep -q "$1" <<<"$output" || fail "$project: $2"
    shift 2
  done
  grep -q 'FAIL' <<<"$output" && fail "$project: a check failed"
  [ "$(tail -n1 <<<"$output")" = "$last" ] || fail "$project: the binary did not report success"
}

publish_and_run QqConnect.AotSmoke "aot smoke: passed" \
  'GetUserInfoAsync gives the nickname 小明' "no nickname in the output" \
  'zh-CN: 100020 means 授权码已被使用过' "no Chinese meaning of 100020 (zh-Hans satellite assembly)" \
  'zh-CN: QQ互联拒绝了 ExchangeCode 调用，错误码 100020（授权码已被使用过）' "the QQ error's exception did not read Chinese" \
  'the injected client logs 小红 in' "the DI flow did not run"
publish_and_run QqConnect.AspNetCore.AotSmoke "aspnetcore aot smoke: passed" \
  '/me: 小明|' "the site did not sign the browser in" \
  '/me (QQ-dev): 小明|' "UseEmulatorInDevelopment() did not sign the browser in" \
  'zh-CN remoteError: QQ登录已取消（QQ 错误码 100030）。' "the handler's refusal did not read Chinese"

publish_and_run --not-aot-ready-upstream 'Microsoft\.EntityFrameworkCore(\..+)?|Microsoft\.AspNetCore\.Identity\.EntityFrameworkCore' \
  QqConnect.AspNetCore.Identity.AotSmoke "identity aot smoke: passed" \
  'ａｄｍｉｎ: DuplicateUserName: 用户名“ａｄｍｉｎ”已被使用。' "the look-alike user name was not refused in Chinese" \
  'ok   a QQ-bound account is confirmed' "AddQqConnectAccounts' confirmation did not run"

echo "aot smoke took $(( $(date +%s) - started )) s"
echo "aot smoke: passed"
