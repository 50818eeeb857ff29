#!/usr/bin/env bash
# The suite's benchmark (issue #5, parts 2-5): builds the jars (unless SERIALGEN_SKIP_BUILD=1), starts the whole suite
# as deploy/run-local.sh does, runs org.serialgen.bench.SuiteBenchmark against it and stops everything. Sizes can be
# made smaller for a quick check: BENCH_SERIALS, BENCH_LATENCY_REQUESTS, BENCH_WARMUP_REQUESTS,
# BENCH_CONCURRENT_REQUESTS, BENCH_CONNECTIONS, BENCH_WORK_ORDERS, BENCH_GTINS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# a database of its own, empty at each run: figures that do not depend on what earlier runs left
export DB_NAME=${BENCH_DB_NAME:-serialgen_bench}
RECREATE_DB=$DB_NAME bash deploy/postgres/prepare.sh
if [ "${SERIALGEN_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests install
fi
export SERIALGEN_SKIP_BUILD=1
source deploy/suite-lib.sh
start_suite
./mvnw -B -q -Pbench -pl tools/suite-bench verify
