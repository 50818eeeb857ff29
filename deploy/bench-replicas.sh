#!/usr/bin/env bash
# Scale-out benchmark (issue #13): the whole suite with two replicas of every service (deploy/run-local.sh
# --replicas 2: replica 2 on the ports + 100), then org.serialgen.bench.ReplicaBenchmark: the same burst of
# generate-serials through one gateway and its generation-service, then split over both, and the ratio. Sizes as in
# bench-suite.sh (BENCH_CONCURRENT_REQUESTS, BENCH_CONNECTIONS, BENCH_WORK_ORDERS, BENCH_GTINS, BENCH_WARMUP_REQUESTS).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export SERIALGEN_REPLICAS=2
source deploy/suite-lib.sh
bench_setup
start_suite
BENCH_PARTS=replicas BENCH_GATEWAYS=http://127.0.0.1:${GATEWAY_PORT:-8080},http://127.0.0.1:$(( ${GATEWAY_PORT:-8080} + 100 )) \
  ./mvnw -B -q -Pbench -pl tools/suite-bench verify
