#!/usr/bin/env bash
# NativeAOT smoke test: publishes samples/QqConnect.AotSmoke with PublishAot (the whole QqConnect.Client
# assembly rooted, every trim/AOT warning an error), runs the native binary (the whole login against the
# in-process emulator, directly and through DI with configuration binding) and checks its output.
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

echo "== publishing samples/QqConnect.AotSmoke (NativeAOT, $rid)"
log="$out/publish.log"
if ! dotnet publish samples/QqConnect.AotSmoke -c Release -r "$rid" -o "$out/bin" --nologo >"$log" 2>&1; then
  grep -E 'error|warning' "$log" | sort -u | head -50
  fail "publish failed (trim/AOT warnings are errors; see above)"
fi
# No warning may slip through either (they are errors, but be explicit about IL2xxx/IL3xxx).
if grep -E 'warning (IL2|IL3)[0-9]{3}' "$log" | sort -u | grep .; then
  fail "trim/AOT warnings"
fi

binary="$out/bin/QqConnect.AotSmoke"
[ -x "$binary" ] || fail "no native binary at $binary"
[ ! -f "$out/bin/QqConnect.AotSmoke.dll" ] || fail "the output is not a native image"
echo "native binary: $(du -h "$binary" | cut -f1)"

echo "== running it"
output=$("$binary") || { echo "$output"; fail "the binary exited with $?"; }
echo "$output"
grep -q 'GetUserInfoAsync gives the nickname 小明' <<<"$output" || fail "no nickname in the output"
grep -q 'the injected client logs 小红 in' <<<"$output" || fail "the DI flow did not run"
grep -q 'FAIL' <<<"$output" && fail "a check failed"
[ "$(tail -n1 <<<"$output")" = "aot smoke: passed" ] || fail "the binary did not report success"

echo "aot smoke took $(( $(date +%s) - started )) s"
echo "aot smoke: passed"
