#!/usr/bin/env bash
# Issue #15's scale benchmark, against a baseline measured in the same run: builds the commit BENCH_BASELINE (default
# 34875ce, before #15) in a git worktree under deploy/.local/bench-scale, with this checkout's tools/suite-bench copied
# in so both sides run the same benchmark, then this checkout. Each side runs BENCH_PARTS=list of
# deploy/bench-suite.sh on an empty database: its own jars installed, the suite started, 100 000 work orders loaded
# through the ERP pull, then (BENCH_SCALE_PARTS, default list,generating,config) every query shape of the list asked
# by 64 clients, BENCH_SCALE_GENERATING (10 000) work orders generating at once (serials and SSCCs over 64
# connections, then the uniqueness audit), and the time a configuration change takes to reach every pending work
# order in generation-service and aggregation-service. At the end it prints the list's figures side by side with
# now / baseline, and each side's other figures. Sizes as in WorkOrderListBenchmark (BENCH_LIST_WORK_ORDERS,
# BENCH_LIST_CLIENTS, BENCH_LIST_SECONDS). About 30 minutes on 2 cores; nothing else should run meanwhile.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BASELINE=${BENCH_BASELINE:-34875ce}
WORK=$ROOT/deploy/.local/bench-scale
mkdir -p "$WORK"

if [ -d "$WORK/baseline" ]; then git worktree remove --force "$WORK/baseline"; fi
git worktree prune
git worktree add --detach "$WORK/baseline" "$BASELINE" > /dev/null
rm -rf "$WORK/baseline/tools/suite-bench"
cp -r "$ROOT/tools/suite-bench" "$WORK/baseline/tools/suite-bench"
rm -rf "$WORK/baseline/tools/suite-bench/target"

# the baseline first: both install into the local Maven repository, and this checkout's jars must be what is left
echo "== baseline $(git rev-parse --short "$BASELINE")"
# a side that fails still leaves its figures up to the failure in its log
(cd "$WORK/baseline" && BENCH_PARTS=list bash deploy/bench-suite.sh) 2>&1 | tee "$WORK/baseline.log" \
  || echo "(the baseline's run failed: $WORK/baseline.log)"
echo "== this checkout $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with changes')"
BENCH_PARTS=list bash deploy/bench-suite.sh 2>&1 | tee "$WORK/now.log" || echo "(this checkout's run failed: $WORK/now.log)"
git worktree remove --force "$WORK/baseline"

# "work-order list, <shape>: <rps> requests/s, p50 <ms> ms, p95 <ms> ms, p99 <ms> ms, max <ms> ms"
figures() { grep -o 'work-order list, .*' "$1" | sed -e 's/,\([0-9]\{3\}\)/\1/g'; }
echo
echo "The work-order list, baseline $BASELINE → now (p95 in ms; requests/s); ratio = now / baseline"
awk -F': ' 'NR == FNR { base[$1] = $2; next }
  function failed(s) { return match(s, /[0-9]+ failed/) ? substr(s, RSTART, RLENGTH - 7) : "?" }
  function field(s, name) { return name == "rps" ? s + 0 : substr(s, index(s, name) + length(name) + 1) + 0 }
  $1 in base {
    b95 = field(base[$1], "p95"); n95 = field($2, "p95"); brps = field(base[$1], "rps"); nrps = field($2, "rps")
    printf "%-60s p95 %8.1f → %8.1f (%.3f)   requests/s %6.0f → %6.0f (%.2f)   failed %s → %s\n", $1, b95, n95,
      n95 / b95, brps, nrps, nrps / brps, failed(base[$1]), failed($2)
  }' <(figures "$WORK/baseline.log") <(figures "$WORK/now.log")
for side in baseline now; do
  echo
  echo "$side:"
  grep -E -o 'work orders generating at once.*|generating at once, 64 connections.*|uniqueness audit .*|configuration change over .*' \
    "$WORK/$side.log" | sort -u || echo "  (not measured)"
done
