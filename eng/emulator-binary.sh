#!/usr/bin/env bash
# The emulator as a user without .NET gets it: publishes src/QqConnect.Emulator as one native (NativeAOT)
# executable (every trim/AOT warning an error), copies that file ALONE into an empty directory and runs it there
# with no .NET to be found: a clean environment (env -i, PATH=/usr/bin:/bin, a HOME of its own, no DOTNET_ROOT)
# and, where a mount namespace can be made (root with unshare), the .NET installation itself hidden under an empty
# tmpfs. Checks --version (the repository's VersionPrefix) and --help, then, on a free loopback port, runs a whole
# login against it from Node (tests/node/emulator-login.test.mjs) and, when tests/node/emulator-control.test.mjs
# exists, that file against a second run started with --control; then stops it with SIGTERM. Before that, the .NET
# tool: packed (still framework-dependent), installed as a local tool from that package, `dotnet qqconnect-emulator`.
# Installs Debian's clang (the NativeAOT linker driver) and zlib1g-dev when missing and we are root. Without them
# (and no way to install them), or without Node, it is skipped, except on CI (CI=true), where that is a failure.
# Last line: "emulator-binary: passed", "emulator-binary: skipped (...)" or "emulator-binary: FAILED (...)";
# non-zero exit on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

fail() {
  echo "emulator-binary: FAILED ($1)"
  exit 1
}

skip() {
  if [ "${CI:-}" = "true" ]; then
    fail "$1"
  fi
  echo "emulator-binary: skipped ($1; on CI this is a failure)"
  exit 0
}

command -v dotnet >/dev/null || fail "dotnet is not on PATH"

if ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = "0" ]; then
    echo "== installing clang and zlib1g-dev (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null) || echo "apt-get could not install clang zlib1g-dev" >&2
  fi
fi
command -v clang >/dev/null && dpkg -s zlib1g-dev >/dev/null 2>&1 \
  || skip "no clang or zlib1g-dev for NativeAOT, and no apt-get as root to install them"
command -v node >/dev/null || skip "no Node.js for the login test"

rid="linux-x64"
case "$(uname -m)" in
  aarch64|arm64) rid="linux-arm64" ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/qqconnect-emulator-binary.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# First the .NET tool as `dotnet pack` makes it: the native publish properties apply only with a runtime identifier,
# so the package stays a framework-dependent tool (tools/net10.0/any, run by dotnet), and it installs and runs as a
# local tool the way docs/emulator.md shows (dotnet new tool-manifest, dotnet tool install --add-source). The install
# uses a packages folder of its own (no older copy of the same version from NuGet's cache), only the new package, and
# a .NET CLI home of its own: the SDK's tool resolver cache (~/.dotnet/toolResolverCache) keeps one path per tool
# version and would send a second run to the first run's deleted packages folder.
echo "== dotnet pack src/QqConnect.Emulator (the .NET tool), installed as a local tool"
step_started=$(date +%s)
if ! dotnet pack src/QqConnect.Emulator -c Release -o "$work/nupkgs" --nologo >"$work/pack.log" 2>&1; then
  grep -E 'error|warning' "$work/pack.log" | sort -u | head -20
  fail "dotnet pack src/QqConnect.Emulator"
fi
package=$(find "$work/nupkgs" -maxdepth 1 -name 'QqConnect.Emulator.[0-9]*.nupkg' | head -n1)
[ -n "$package" ] || fail "no QqConnect.Emulator .nupkg was produced"
tool_version=$(basename "$package" .nupkg)
tool_version=${tool_version#QqConnect.Emulator.}
unzip -p "$package" tools/net10.0/any/DotnetToolSettings.xml | grep -q '<Command Name="qqconnect-emulator" EntryPoint="QqConnect.Emulator.dll" Runner="dotnet" />' \
  || fail "the package is not the framework-dependent tool qqconnect-emulator (tools/net10.0/any/DotnetToolSettings.xml)"
other=$(unzip -Z1 "$package" | grep '^tools/' | grep -v '^tools/net10\.0/any/' || true)
[ -z "$other" ] || { echo "$other"; fail "the tool package has runtime-specific files"; }
repo="$work/your-repo"
mkdir "$repo"
cat >"$repo/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="emulator" value="$work/nupkgs" />
  </packageSources>
</configuration>
EOF
tool_output=$(cd "$repo" && export NUGET_PACKAGES="$work/tool-packages" DOTNET_CLI_HOME="$work/cli-home" DOTNET_NOLOGO=1 \
  && dotnet new tool-manifest >/dev/null \
  && dotnet tool install QqConnect.Emulator --add-source "$work/nupkgs" --version "$tool_version" >/dev/null \
  && dotnet qqconnect-emulator --version 2>&1) || { echo "$tool_output"; fail "the local tool does not install or run"; }
echo "dotnet qqconnect-emulator --version: $tool_output (package $tool_version; packed, installed and run in $(( $(date +%s) - step_started )) s)"
[[ "$tool_output" =~ ^${tool_version//./\\.}(\+[0-9a-f]+)?$ ]] || fail "the local tool printed '$tool_output' for --version, not $tool_version"

echo "== dotnet publish src/QqConnect.Emulator -c Release -r $rid (NativeAOT)"
step_started=$(date +%s)
log="$work/publish.log"
if ! dotnet publish src/QqConnect.Emulator -c Release -r "$rid" -o "$work/publish" --nologo >"$log" 2>&1; then
  grep -E 'error|warning' "$log" | sort -u | head -50
  fail "publish failed (trim/AOT warnings are errors; see above)"
fi
warnings=$(grep -oE 'warning [A-Z]+[0-9]+: [^[]*' "$log" | sort -u || true)
if [ -n "$warnings" ]; then
  echo "$warnings"
  fail "the publish gave warnings"
fi
echo "published in $(( $(date +%s) - step_started )) s"

published="$work/publish/QqConnect.Emulator"
[ -x "$published" ] || fail "no executable at $published"
[ ! -f "$work/publish/QqConnect.Emulator.dll" ] || fail "the output is not a native image (a QqConnect.Emulator.dll is beside it)"
[ "$(head -c 4 "$published" | od -An -c | tr -d ' ')" = "177ELF" ] || fail "$published is not an ELF executable"

# Only the executable, in an empty directory.
run="$work/run"
home="$work/home"
mkdir "$run" "$home"
cp "$published" "$run/"
binary="$run/QqConnect.Emulator"
echo "binary: $(stat -c %s "$binary") bytes ($(du -h "$binary" | cut -f1)); the directory holds: $(ls -A "$run")"
if command -v ldd >/dev/null; then
  libraries=$(ldd "$binary" | awk '{print $1}' | tr '\n' ' ')
  echo "shared libraries: $libraries"
  grep -qiE 'coreclr|hostfxr|hostpolicy|clrjit|dotnet' <<<"$libraries" && fail "the binary links a .NET runtime library"
fi

# "${isolation[@]}" COMMAND...: runs COMMAND in $run with no .NET to find: env -i (PATH=/usr/bin:/bin, HOME empty
# and its own, no DOTNET_* variable) and, when a mount namespace can be made, every .NET installation directory
# hidden under an empty tmpfs, so that /usr/bin/dotnet and the shared frameworks are gone for it. Each program in
# the chain execs the next: a background job's $! is the emulator's own process id.
dotnet_dirs=()
for dir in "$(dirname "$(readlink -f "$(command -v dotnet)")")" "${DOTNET_ROOT:-}" /usr/share/dotnet /usr/lib/dotnet "$HOME/.dotnet"; do
  if [ -n "$dir" ] && [ -d "$dir" ] && [[ ! " ${dotnet_dirs[*]} " =~ " $dir " ]]; then dotnet_dirs+=("$dir"); fi
done
hide='for dir in $HIDE; do mount -t tmpfs -o ro,size=64k none "$dir" || exit 97; done
exec env -i -C "$ISOLATED_DIR" PATH=/usr/bin:/bin HOME="$ISOLATED_HOME" "$@"'
isolation=(env "HIDE=${dotnet_dirs[*]}" "ISOLATED_HOME=$home" "ISOLATED_DIR=$run" unshare --mount --propagation private sh -c "$hide" sh)
if [ "$(id -u)" = "0" ] && command -v unshare >/dev/null && "${isolation[@]}" true 2>/dev/null; then
  echo "no .NET: env -i PATH=/usr/bin:/bin HOME=$home, and hidden under an empty tmpfs: ${dotnet_dirs[*]}"
  "${isolation[@]}" sh -c '! command -v dotnet >/dev/null && ! ls /usr/share/dotnet/dotnet >/dev/null 2>&1' \
    || fail "dotnet is still reachable in the isolated environment"
else
  isolation=(env -i -C "$run" PATH=/usr/bin:/bin HOME="$home")
  echo "no .NET: env -i PATH=/usr/bin:/bin HOME=$home (no mount namespace here to hide ${dotnet_dirs[*]})"
fi
"${isolation[@]}" sh -c '[ -z "$(env | grep ^DOTNET_)" ] && [ ! -e "$HOME/.dotnet" ] && [ "$PWD" = "$1" ]' sh "$run" \
  || fail "a DOTNET_ variable, ~/.dotnet or another directory in the isolated environment"

echo "== $binary --version"
expected=$(sed -nE 's|.*<VersionPrefix>([^<]+)</VersionPrefix>.*|\1|p' Directory.Build.props | head -n1)
version=$("${isolation[@]}" "$binary" --version) || fail "--version exited with $?"
echo "$version"
[[ "$version" =~ ^${expected//./\\.}(\+[0-9a-f]+)?$ ]] || fail "--version printed '$version', not the VersionPrefix $expected"

echo "== $binary --help"
help=$("${isolation[@]}" "$binary" --help) || fail "--help exited with $?"
grep -q '^qqconnect-emulator' <<<"$help" && grep -q -- '--urls' <<<"$help" || { echo "$help"; fail "--help does not show the usage"; }

# start NAME ARGS...: starts the binary in the isolated environment on a free loopback port (--port 0) and sets
# $address to the base address it prints.
start() {
  local name=$1
  shift
  "${isolation[@]}" "$binary" --port 0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  pids=("$pid")
  address=""
  for _ in $(seq 1 200); do
    address=$(sed -nE 's|^QQ Connect emulator listening on (http://127\.0\.0\.1:[0-9]+/)$|\1|p' "$work/$name.out")
    [ -n "$address" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/$name.out" "$work/$name.err"
  fail "$name: the binary did not start listening"
}

# stop: SIGTERM, as a service manager or Ctrl+C would stop it; it must exit 0 within 10 s.
stop() {
  kill -TERM "$pid"
  local code=0
  timeout 10 tail --pid="$pid" -f /dev/null || fail "the binary did not stop within 10 s of SIGTERM"
  wait "$pid" || code=$?
  pids=()
  [ "$code" -eq 0 ] || { cat "$work/$1.err"; fail "$1: the binary exited with $code after SIGTERM"; }
}

# node_test NAME FILE: runs FILE with node --test against $address; every test must pass, none skipped.
node_test() {
  local name=$1 file=$2 out="$work/$1.tap" code=0
  QQCONNECT_EMULATOR_URL="$address" node --test --test-reporter=tap "$file" >"$out" 2>&1 || code=$?
  local passed failed skipped
  passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$out")
  failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$out")
  skipped=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$out")
  echo "$file: ${passed:-?} passed, ${failed:-?} failed, ${skipped:-?} skipped"
  if [ "$code" -ne 0 ] || [ "${failed:-1}" -ne 0 ] || [ "${skipped:-1}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
    grep -vE '^\s+(duration_ms|\.\.\.|---)' "$out" | head -80
    echo "-- the emulator's output:"
    tail -n 40 "$work/$name.out" "$work/$name.err"
    fail "$file against the binary"
  fi
}

echo "== a login from Node against the binary"
step_started=$(date +%s)
start login
echo "listening on $address"
node_test login tests/node/emulator-login.test.mjs
grep -q '^POST /oauth2.0/authorize -> 302$' "$work/login.out" || fail "the binary's request log shows no approved login"
stop login
echo "login checks took $(( $(date +%s) - step_started )) s"

control_test=tests/node/emulator-control.test.mjs
if [ -f "$control_test" ]; then
  echo "== $control_test against the binary started with --control"
  start control --control
  echo "listening on $address"
  node_test control "$control_test"
  stop control
fi

echo "emulator-binary took $(( $(date +%s) - started )) s"
echo "emulator-binary: passed"
