#!/usr/bin/env bash
# .NET Framework smoke test: packs QqConnect.Client into a temporary feed, builds the net48 console app
# samples/QqConnect.Net48Smoke against that PACKAGE (so it gets lib/netstandard2.0, as .NET Framework apps do)
# and runs it under Mono: a whole login over a loopback socket, QQ's error answer, hostile answers, the state
# protector, AddQqConnectClient bound from configuration, and QQ's error read in Chinese (CurrentUICulture zh-CN:
# the package's zh-Hans satellite assembly, checked in the output).
# Installs Mono with apt-get when it is missing and we are root. Without Mono (and no way to install it) the
# smoke says so and is skipped, except on CI (CI=true), where that is a failure. Last line:
# "net48-smoke: passed", "net48-smoke: skipped (...)" or "net48-smoke: FAILED (...)"; non-zero exit on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/local-feed.sh
source eng/lib/local-feed.sh
started=$(date +%s)

fail() {
  echo "net48-smoke: FAILED ($1)"
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet is not on PATH"

# The smallest Debian package set that runs this app (a net48 console app using HttpClient, and Polly's options
# validation): the runtime, System.Net.Http and System.ComponentModel.DataAnnotations. (mono-devel, ~150
# packages, would take about five times as long to install.)
mono_packages="mono-runtime libmono-system-net-http4.0-cil libmono-system-componentmodel-dataannotations4.0-cil"
can_apt=false
if command -v apt-get >/dev/null && command -v dpkg >/dev/null && [ "$(id -u)" = "0" ]; then can_apt=true; fi
if $can_apt; then
  missing=""
  for package in $mono_packages; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    echo "== installing Mono (apt-get install$missing)"
    install_started=$(date +%s)
    export DEBIAN_FRONTEND=noninteractive
    apt_log=$(mktemp)
    if (apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing) >"$apt_log" 2>&1; then
      echo "Mono installed in $(( $(date +%s) - install_started )) s"
    else
      tail -n 20 "$apt_log" >&2
      echo "apt-get could not install$missing" >&2
    fi
    rm -f "$apt_log"
  fi
fi
if ! command -v mono >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    fail "Mono is not installed and could not be installed"
  fi
  echo "net48-smoke: skipped (no Mono, and no apt-get as root to install it; on CI this is a failure)"
  exit 0
fi
mono --version | head -n1

work=$(mktemp -d "${TMPDIR:-/tmp}/qqconnect-net48-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
feed="$work/feed"

echo "== packing QqConnect.Client into $feed"
step_started=$(date +%s)
dotnet pack src/QqConnect.Client -c Release -o "$feed" --nologo -v quiet || fail "dotnet pack src/QqConnect.Client"
client=$(find "$feed" -maxdepth 1 -name 'QqConnect.Client.[0-9]*.nupkg' | head -n1)
[ -n "$client" ] || fail "no QqConnect.Client .nupkg was produced"
version=$(basename "$client" .nupkg)
version=${version#QqConnect.Client.}
echo "version $version, packed in $(( $(date +%s) - step_started )) s"

# QqConnect.* only from the temporary feed, everything else from the registry (eng/lib/local-feed.sh).
write_local_feed_config "$work" "$feed"

echo "== building samples/QqConnect.Net48Smoke (net48) against the package"
step_started=$(date +%s)
# Warnings are errors, so a conflict a .NET Framework app would meet at run time (an assembly version the
# package's dependencies do not give, MSB3277) fails here, even though Mono itself is lenient about versions.
if ! dotnet build samples/QqConnect.Net48Smoke -c Release -o "$work/bin" --nologo -v quiet \
  -p:QqConnectClientVersion="$version" -p:RestoreConfigFile="$work/nuget.config" >"$work/build.log" 2>&1; then
  grep -E 'error' "$work/build.log" | grep -vE 'MSB3277:  ' | sed 's/^.*error /error /' | sort -u | head -20
  fail "the net48 app does not build against the package"
fi
exe="$work/bin/QqConnect.Net48Smoke.exe"
[ -f "$exe" ] || fail "no $exe"
unzip -p "$work/packages/qqconnect.client/$version/qqconnect.client.$version.nupkg" lib/netstandard2.0/QqConnect.Client.dll \
  | cmp -s - "$work/bin/QqConnect.Client.dll" || fail "the app does not carry the package's netstandard2.0 QqConnect.Client.dll"
# netstandard.dll, the facade every netstandard2.0 library binds to, is part of .NET Framework 4.7.1+ and of
# Mono, but Debian ships Mono's copy only in mono-devel. Without it, take that one file from the mono-devel
# package (downloaded, not installed) and put it beside the app, where Mono looks first.
facade="$(dirname "$(readlink -f "$(command -v mono)")")/../lib/mono/4.5/Facades/netstandard.dll"
if [ ! -f "$facade" ]; then
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || fail "Mono has no netstandard.dll facade ($facade) and apt-get is not there to fetch it"
  echo "== taking netstandard.dll from Debian's mono-devel package (Mono's own facade; not installed here)"
  (cd "$work" && apt-get download -qq mono-devel >/dev/null 2>&1) || fail "apt-get download mono-devel"
  mkdir -p "$work/mono-devel"
  dpkg-deb --fsys-tarfile "$work"/mono-devel_*.deb | tar -x -C "$work/mono-devel" ./usr/lib/mono/4.5/Facades/netstandard.dll \
    || fail "no netstandard.dll facade in mono-devel"
  cp "$work/mono-devel/usr/lib/mono/4.5/Facades/netstandard.dll" "$work/bin/"
fi
echo "built in $(( $(date +%s) - step_started )) s"

echo "== running it with mono"
step_started=$(date +%s)
set +e
output=$(mono "$exe" 2>&1)
code=$?
set -e
echo "$output"
echo "ran in $(( $(date +%s) - step_started )) s"
[ "$code" -eq 0 ] || fail "the app exited with $code"
grep -q 'FAIL' <<<"$output" && fail "a check failed"
grep -q 'zh-CN: 100020 means 授权码已被使用过' <<<"$output" || fail "no Chinese meaning of 100020 (zh-Hans satellite assembly)"
grep -q 'QQ互联拒绝了 ExchangeCode 调用，错误码 100020（授权码已被使用过）' <<<"$output" || fail "the QQ error's exception did not read Chinese"
[ "$(tail -n1 <<<"$output")" = "net48 smoke: passed" ] || fail "the app did not report success"

echo "net48 smoke took $(( $(date +%s) - started )) s"
echo "net48-smoke: passed"
