#!/usr/bin/env bash
# The suite's benchmark (issue #5, parts 2-5): builds the jars (unless SERIALGEN_SKIP_BUILD=1), starts the whole suite
# as deploy/run-local.sh does, runs org.serialgen.bench.SuiteBenchmark against it and stops everything. Sizes can be
# made smaller for a quick check: BENCH_SERIALS, BENCH_LATENCY_REQUESTS, BENCH_WARMUP_REQUESTS,
# BENCH_CONCURRENT_REQUESTS, BENCH_CONNECTIONS, BENCH_WORK_ORDERS, BENCH_GTINS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/suite-lib.sh
bench_setup
start_suite
./mvnw -B -q -Pbench -pl tools/suite-bench verify
