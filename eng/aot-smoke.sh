#!/usr/bin/env bash
# NativeAOT smoke test: publishes samples/QqConnect.AotSmoke and samples/QqConnect.AspNetCore.AotSmoke with
# PublishAot (the whole QqConnect.Client, resp. QqConnect.AspNetCore, assembly rooted, every trim/AOT warning an
# error), runs each native binary and checks its output: the whole login against the in-process emulator,
# directly and through DI with configuration binding; and a slim ASP.NET Core site signing a browser in with
# AddQqConnect(section) and, through the emulator the site serves itself, with UseEmulatorInDevelopment().
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

# publish_and_run PROJECT EXPECTED-LAST-LINE [GREP-PATTERN DESCRIPTION]...: publishes samples/PROJECT as a native
# binary, runs it, checks that every pattern occurs, that no check printed FAIL, and the last line.
publish_and_run() {
  local project=$1 last=$2
  shift 2
  echo "== publishing samples/$project (NativeAOT, $rid)"
  local log="$out/$project.publish.log" bin="$out/$project"
  if ! dotnet publish "samples/$project" -c Release -r "$rid" -o "$bin" --nologo >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u | head -50
    fail "$project: publish failed (trim/AOT warnings are errors; see above)"
  fi
  # No warning may slip through either (they are errors, but be explicit about IL2xxx/IL3xxx).
  if grep -E 'warning (IL2|IL3)[0-9]{3}' "$log" | sort -u | grep .; then
    fail "$project: trim/AOT warnings"
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
  'the injected client logs 小红 in' "the DI flow did not run"
publish_and_run QqConnect.AspNetCore.AotSmoke "aspnetcore aot smoke: passed" \
  '/me: 小明|' "the site did not sign the browser in" \
  '/me (QQ-dev): 小明|' "UseEmulatorInDevelopment() did not sign the browser in"

echo "aot smoke took $(( $(date +%s) - started )) s"
echo "aot smoke: passed"
