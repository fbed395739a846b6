#!/bin/sh
# benchmarks/run.sh - builds muster with the benchmarks and runs the harness:
#   sh benchmarks/run.sh [--sizes small,medium,large,large-mixed] [--time-limit S] [--growth]
#   sh benchmarks/run.sh --supply [--sizes large] [--repeat N] [--time-limit S]
# The table goes to stdout; progress to stderr. Needs what scripts/bootstrap.sh
# installs (CLP and CBC included).
set -eu
cd "$(dirname "$0")/.."
sh scripts/bootstrap.sh -DMUSTER_BENCHMARKS=ON
exec ./build/bench_run "$@"
