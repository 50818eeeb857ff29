#!/usr/bin/env bash
# Browser benchmark of the web UI on the packaged suite (see gateway/src/main/webui/e2e/bench/ui-bench.mjs): page load
# and the work-order table's first render, on the demo work orders and then on BENCH_UI_WORK_ORDERS (100 000) synced
# in from the fake ERP. A database of its own, created empty. Needs the built jars.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/suite-lib.sh"
export DB_NAME=${BENCH_UI_DB_NAME:-serialgen_ui_bench}
export RECREATE_DB=$DB_NAME
WEBUI=gateway/src/main/webui
command -v chromium >/dev/null || fail "chromium is needed: apt-get install -y chromium"
[ -d "$WEBUI/node_modules" ] || (cd "$WEBUI" && npm ci --no-audit --no-fund)
start_suite
(cd "$WEBUI" && SERIALGEN_HOME=$SERIALGEN_HOME node e2e/bench/ui-bench.mjs)
ASSETS=gateway/target/quinoa/build/assets
echo "bundle: $(cat "$ASSETS"/*.js | wc -c) bytes of JavaScript in all, $(cat "$ASSETS"/index-*.js | wc -c) loaded first ($(gzip -c "$ASSETS"/index-*.js | wc -c) gzipped)"
