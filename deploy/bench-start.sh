#!/usr/bin/env bash
# Start-up and memory of every service on the JVM: run-local's SERIALGEN_JVM=lean (class-data archive, a small heap
# that gives memory back; BENCH_START_JVM names another, e.g. "default") against the JVM as it was (SERIALGEN_JVM=plain),
# in one run (issue #13). Per
# round and JVM it starts the whole suite with deploy/run-local.sh and measures, per service:
#   - "started in" as Quarkus logs it when all five start at once on this machine's cores;
#   - a second instance started alone beside the idle suite (ports 18080+, management 19080+): the time from its
#     launch until /q/health/ready answers UP, its own "started in", and its resident memory 5 s after that;
#   - the suite's instance's resident memory after BENCH_START_LOAD_SECONDS (20) of load through the gateway: 8
#     clients issuing 1 000 serials, listing work orders, reading the configuration, the recipes and the ERP status.
# BENCH_START_ROUNDS (3) rounds, the JVMs alternating; medians are printed, and the other / plain as ratios.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/suite-lib.sh
bench_setup

ROUNDS=${BENCH_START_ROUNDS:-3}
LOAD_SECONDS=${BENCH_START_LOAD_SECONDS:-20}
SERVICES=(config-service generation-service erp-sync-service aggregation-service gateway)
FIGURES=$(mktemp -d /tmp/serialgen-bench-start-XXXXXX)
API=$GATEWAY/api/v1/serial-generation

pid_of() { pgrep -f -- "-Dserialgen.service=$1 " | head -n 1; } # replica 1: the first started
rss_mib() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$1/status"; }
started_in() { grep -o 'started in [0-9.]*s' "$1" | head -n 1 | tr -dc '0-9.'; }
record() { echo "$4" >> "$FIGURES/$1.$2.$3"; } # record JVM SERVICE FIGURE VALUE
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# A second instance of SERVICE, started alone with the suite's instance's environment and working directory and the
# JVM options run-local gives it: time to ready, "started in" and resident memory at idle.
alone() {
  local jvm=$1 service=$2 offset=$3 pid log environ launched ready second
  pid=$(pid_of "$service")
  mapfile -d '' environ < "/proc/$pid/environ"
  log=$FIGURES/$service.$jvm.alone.log
  launched=$(date +%s%N)
  (cd "$(readlink "/proc/$pid/cwd")" && exec env -i "${environ[@]}" HTTP_PORT=$((18080 + offset)) \
    MANAGEMENT_PORT=$((19080 + offset)) GATEWAY_TLS_PORT=18443 \
    java $(tr '\0' ' ' < "/proc/$pid/cmdline" | sed -e 's/^java //' -e 's/ -Dserialgen.service=.*//') \
    -Dserialgen.service="$service-alone" -jar quarkus-run.jar) > "$log" 2>&1 &
  second=$!
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null "http://127.0.0.1:$((19080 + offset))/q/health/ready" && break
    kill -0 "$second" 2>/dev/null || { tail -n 20 "$log" >&2; fail "a second $service did not start"; }
    sleep 0.02
  done
  ready=$(date +%s%N)
  record "$jvm" "$service" ready-alone-ms $(( (ready - launched) / 1000000 ))
  record "$jvm" "$service" started-alone-s "$(started_in "$log")"
  sleep 5
  record "$jvm" "$service" idle-rss-mib "$(rss_mib "$second")"
  kill "$second"
  wait "$second" 2>/dev/null || true
}

# LOAD_SECONDS of traffic through the gateway, 8 clients at a time, on a work order entered for it.
load() {
  local round=$1 token wo until clients=()
  token=$(token_for manager)
  wo=WO-BENCH-START-$round-$RANDOM
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"wo_id\":\"$wo\",\"wo_name\":\"Start-up benchmark\",\"gtin\":\"09506000134352\",\"lot\":\"B$round\",\"expiry\":\"2031-01-31\",\"quantity\":5000000}" \
    "$API/workorders/"
  for _ in $(seq 1 120); do
    curl -fsS -H "Authorization: Bearer $token" "$API/workorders/$wo/" | grep -q '"total_requested_serials":[1-9]' && break
    sleep 0.5
  done
  until=$(( $(date +%s) + LOAD_SECONDS ))
  for client in $(seq 1 8); do
    (
      n=0
      while [ "$(date +%s)" -lt "$until" ]; do
        n=$((n + 1))
        curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
          -H "Idempotency-Key: start-$wo-$client-$n" -d '{"quantity":1000}' "$API/workorders/$wo/generate-serials/"
        for path in "workorders/?page_size=50" config/ aggregation/recipes/ erp/status/; do
          curl -s -o /dev/null -H "Authorization: Bearer $token" "$API/$path"
        done
      done
    ) &
    clients+=($!)
  done
  wait "${clients[@]}"
}

round() {
  local jvm=$1 round=$2 offset=0 started
  started=$(date +%s%N)
  export SERIALGEN_JVM=$jvm
  start_suite > /dev/null
  record "$jvm" suite ready-ms "$(( ($(date +%s%N) - started) / 1000000 ))"
  for service in "${SERVICES[@]}"; do
    record "$jvm" "$service" started-together-s "$(started_in "$SERIALGEN_HOME/logs/$service.log")"
  done
  for service in "${SERVICES[@]}"; do
    alone "$jvm" "$service" $offset
    offset=$((offset + 1))
  done
  load "$round"
  for service in "${SERVICES[@]}"; do
    record "$jvm" "$service" loaded-rss-mib "$(rss_mib "$(pid_of "$service")")"
  done
  kill "$RUNNER"
  wait "$RUNNER" 2>/dev/null || true
  RUNNER=
  rm -f "$SERIALGEN_HOME/ready"
  echo "round $round, $jvm JVM: done"
}

OTHER=${BENCH_START_JVM:-lean}
for round in $(seq 1 "$ROUNDS"); do
  round plain "$round"
  round "$OTHER" "$round"
done

echo
echo "Medians of $ROUNDS rounds; plain = -Xmx256m -XX:+UseSerialGC alone, $OTHER = run-local's SERIALGEN_JVM=$OTHER."
printf '%-20s %-18s %10s %10s %8s\n' service figure plain "$OTHER" ratio
for service in "${SERVICES[@]}"; do
  for figure in started-together-s started-alone-s ready-alone-ms idle-rss-mib loaded-rss-mib; do
    plain=$(median "$FIGURES/plain.$service.$figure")
    other=$(median "$FIGURES/$OTHER.$service.$figure")
    printf '%-20s %-18s %10s %10s %8s\n' "$service" "$figure" "$plain" "$other" \
      "$(awk -v p="$plain" -v t="$other" 'BEGIN { printf "%.2f", t / p }')"
  done
done
plain=$(median "$FIGURES/plain.suite.ready-ms")
other=$(median "$FIGURES/$OTHER.suite.ready-ms")
printf '%-20s %-18s %10s %10s %8s\n' suite ready-ms "$plain" "$other" \
  "$(awk -v p="$plain" -v t="$other" 'BEGIN { printf "%.2f", t / p }')"
rm -rf "$FIGURES"
