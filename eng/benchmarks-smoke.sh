#!/usr/bin/env bash
# Runs every benchmark once (BenchmarkDotNet dry job, in-process) and a 2-second load smoke run, so the
# benchmarks keep compiling and running. Timings are not judged here; see docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/.."
if dotnet run -c Release --project benchmarks/QqConnect.Client.Benchmarks -- --ci; then
  echo "benchmarks smoke: passed"
else
  echo "benchmarks smoke: FAILED"
  exit 1
fi
