#!/usr/bin/env bash
# Runs every test of the repository: the README's test command, and what CI runs.
# Prints, as its last line, "N passed, N failed, N skipped": the counts of every test project's trx result
# file, plus one per scripted shipping check.
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
# The account-binding tests run on SQLite and on a real PostgreSQL server that the tests start themselves (initdb
# and pg_ctl of Debian's postgresql package, in a temporary data directory). Same rule: installed when missing and
# we can; without it the PostgreSQL tests are skipped, except on CI.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing PostgreSQL for the account-binding tests (apt-get)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || echo "PostgreSQL could not be installed; the PostgreSQL tests will say so." >&2
fi
# The emulator's control API is tested from Node.js (a client of another language); same rule.
if ! command -v node >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Node.js for the emulator's Node test (apt-get)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null) \
    || echo "Node.js could not be installed; the Node test will say so." >&2
fi
if [ "${CI:-}" = "true" ]; then
  export QQCONNECT_REQUIRE_BROWSER=1
  export QQCONNECT_REQUIRE_NODE=1
  export QQCONNECT_REQUIRE_POSTGRES=1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
failed_runs=0 # builds and test runs that failed without a failed test to count
passed_tests=0
failed_tests=0
skipped_tests=0

# Build everything once (samples and benchmarks included): a build error is a failure even if no test
# project is affected.
echo "== dotnet build QqConnect.Client.sln"
if ! dotnet build QqConnect.Client.sln -c Release; then
  status=1
  failed_runs=$((failed_runs + 1))
fi

# Each test project writes its results to its own trx file; the counts below come from those files, not
# from the console. A project that does not build, crashes, or leaves no trx counts as a failure.
mapfile -t test_projects < <(find tests -mindepth 2 -maxdepth 2 -name '*.csproj' | sort)
for project in "${test_projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "== dotnet test $project"
  code=0
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" || code=$?
  if [ "$code" -ne 0 ]; then status=1; fi
  trx="$results/$name.trx"
  if [ ! -s "$trx" ] || ! grep -q '<Counters ' "$trx"; then
    echo "$name: no test results (trx) were written" >&2
    failed_runs=$((failed_runs + 1))
    status=1
    continue
  fi
  # <Counters total="N" executed="N" passed="N" failed="N" error="N" ... />: skipped = total - executed.
  counts=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 | awk '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]); v[kv[1]] = kv[2] + 0 }
    print v["passed"], v["failed"] + v["error"] + v["timeout"] + v["aborted"], v["total"] - v["executed"]
  }')
  read -r p f s <<<"$counts"
  echo "$name: $p passed, $f failed, $s skipped"
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "$name: dotnet test failed (exit code $code) although no test failed" >&2
    failed_runs=$((failed_runs + 1))
  fi
  passed_tests=$((passed_tests + p))
  failed_tests=$((failed_tests + f))
  skipped_tests=$((skipped_tests + s))
done

# Shipping checks, each a script that installs what it needs and ends with "<name>: passed", "<name>: FAILED"
# or, where it cannot run here and that is allowed (outside CI), "<name>: skipped (...)": the NuGet package as
# users get it, NativeAOT, the emulator as a native executable run without .NET (a login from Node against it), the
# .NET 10 file-based script, a dry run of every benchmark, .NET Framework (Mono).
passed_steps=0
failed_steps=0
skipped_steps=0
step_log="$results/step.log"
for step in package-test aot-smoke emulator-binary script-smoke benchmarks-smoke net48-smoke; do
  echo "== eng/$step.sh"
  if bash "eng/$step.sh" 2>&1 | tee "$step_log"; then
    if tail -n 1 "$step_log" | grep -q "^$step: skipped"; then
      skipped_steps=$((skipped_steps + 1))
    else
      passed_steps=$((passed_steps + 1))
    fi
  else
    failed_steps=$((failed_steps + 1))
    status=1
  fi
done

passed=$((passed_tests + passed_steps))
failed=$((failed_tests + failed_runs + failed_steps))
skipped=$((skipped_tests + skipped_steps))

if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
