#!/usr/bin/env bash
# Runs every test of the repository: the README's test command, and what CI runs.
# Prints, as its last line, "N passed, N failed" summed over all test runs.
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser test drives Debian's Chromium through Playwright. Install it when it is missing and we can
# (root with apt-get, as on CI and on a fresh development machine); without it those tests are skipped,
# except on CI, where a missing browser is a failure.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Chromium for the browser tests (apt-get)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "Chromium could not be installed; the browser tests will say so." >&2
fi
if [ "${CI:-}" = "true" ]; then
  export QQCONNECT_REQUIRE_BROWSER=1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test QqConnect.Client.sln -c Release 2>&1 | tee "$log" || status=$?

# Shipping checks, each a script that installs what it needs and ends with "<name>: passed" or "<name>: FAILED":
# the NuGet package as users get it, NativeAOT, the .NET 10 file-based script, a dry run of every benchmark.
passed_steps=0
failed_steps=0
for step in package-test aot-smoke script-smoke benchmarks-smoke net48-smoke; do
  echo "== eng/$step.sh"
  if bash "eng/$step.sh"; then passed_steps=$((passed_steps + 1)); else failed_steps=$((failed_steps + 1)); status=1; fi
done

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

passed=$((passed + passed_steps))
failed=$((failed + failed_steps))

if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
