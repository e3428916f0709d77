#!/usr/bin/env bash
# Runs every benchmark once (BenchmarkDotNet dry job, in-process) and 2-second load smoke runs, so the benchmarks
# keep compiling and running: the SDK's calls and the handler site (both inside --ci), then account binding on the
# built demo site (load --identity, one node on SQLite). Timings are not judged here; see docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/QqConnect.Client.Benchmarks
if dotnet run -c Release --project "$project" -- --ci \
  && dotnet build samples/QqConnect.Sample.Identity -c Release -v quiet -nologo \
  && echo "CI: identity load smoke run" \
  && dotnet run -c Release --no-build --project "$project" -- load --identity --nodes 1 --database sqlite --concurrency 4 --seconds 2 --warmup-seconds 1; then
  echo "benchmarks smoke: passed"
else
  echo "benchmarks smoke: FAILED"
  exit 1
fi
