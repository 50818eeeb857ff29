#!/usr/bin/env bash
# The web UI's tests: its component tests (Vitest), then its end-to-end tests in headless Chromium (Debian's, driven by
# playwright-core; browser downloads do not work here) against the packaged suite started as deploy/run-local.sh starts
# it, on a database of its own created empty. Screenshots and the axe results land in
# gateway/src/main/webui/e2e/results/. Needs the built jars (./mvnw package or verify first).
# Arguments go to Playwright: `bash deploy/ui-test.sh e2e/generation.spec.ts` runs one spec.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/suite-lib.sh"
export DB_NAME=${UI_TEST_DB_NAME:-serialgen_ui}
export RECREATE_DB=$DB_NAME
WEBUI=gateway/src/main/webui
started=$(date +%s)

if ! command -v chromium >/dev/null; then
  echo "[ui-test] installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
[ -d "$WEBUI/node_modules" ] || (cd "$WEBUI" && npm ci --no-audit --no-fund)
(cd "$WEBUI" && npx vitest run)

start_suite
rm -rf "$WEBUI/e2e/results"
(cd "$WEBUI" && SERIALGEN_URL=http://127.0.0.1:${GATEWAY_PORT:-8080} npx playwright test --config e2e/playwright.config.ts "$@")
echo "UI TESTS PASSED in $(( $(date +%s) - started )) s"
