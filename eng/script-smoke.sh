#!/usr/bin/env bash
# Script smoke test: runs the .NET 10 file-based program samples/scripts/qq-login.cs in its --emulator
# mode (it starts the QQ Connect emulator on loopback, plays the browser, receives the callback on its
# own loopback listener, exchanges the code) and checks the printed user for each of the emulator's users.
# Needs only the .NET 10 SDK. Last line: "script smoke: passed" or "script smoke: FAILED ...";
# the exit code is non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

fail() {
  echo "script smoke: FAILED ($1)"
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet is not on PATH"

# index:nickname of the emulator's default users (src/QqConnect.Client.Testing/QqConnectEmulatorOptions.cs).
for expected in '0:小明' '1:小红'; do
  user=${expected%%:*}
  nickname=${expected#*:}
  echo "== dotnet run samples/scripts/qq-login.cs -- --emulator --user $user"
  output=$(QQ_LOGIN_TIMEOUT_SECONDS=60 timeout 600 dotnet run samples/scripts/qq-login.cs -- --emulator --user "$user" 2>&1) \
    || { echo "$output"; fail "qq-login.cs exited with an error for user $user"; }
  echo "$output"
  grep -q '/oauth2.0/authorize?response_type=code&client_id=' <<<"$output" || fail "no authorize URL was printed"
  grep -qx "  nickname: $nickname" <<<"$output" || fail "the nickname $nickname was not printed"
  grep -qE '^  openid: +[0-9A-F]{32}$' <<<"$output" || fail "no OpenID was printed"
done

echo "script smoke took $(( $(date +%s) - started )) s"
echo "script smoke: passed"
