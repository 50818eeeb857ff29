#!/usr/bin/env bash
# Smoke run of the packaged suite, as CI does it: starts everything with deploy/run-local.sh (built jars), plays the
# ERP by publishing one work order to Kafka, and checks through the gateway, with a token, that the work order
# arrives with its aggregation-derived SSCC count and that a configuration change made through the gateway reaches
# generation-service. Stops everything at the end, pass or fail.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/suite-lib.sh"
# A database of its own, created empty for every run: the smoke run must not depend on (or be refused by) what an
# earlier checkout left in the user's database, e.g. a migration this checkout does not have.
export DB_NAME=${SMOKE_DB_NAME:-serialgen_smoke}
export RECREATE_DB=$DB_NAME
start=$(date +%s)
start_suite

api() { curl -sS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

TOKEN=$(token_for manager)
[ -n "$TOKEN" ] || fail "no token for the demo manager"

# A known configuration first: 100 % of the quantity, 5 % tolerance, 100 items per case.
config='{"manufacturing_percentage":100.0,"discrepancy_tolerance":5.0,"aggregation_rules":{"l1":{"enabled":true,"multiplier":1},"l2":{"enabled":true,"multiplier":10},
  "l3":{"enabled":true,"multiplier":100},"l4":{"enabled":false,"multiplier":1000}}}'
patch_config() { # a JSON merge patch on the active version; an edit names the version it is based on (If-Match)
  local version
  version=$(api "$GATEWAY/api/v1/serial-generation/config/" | json_field version)
  api -X PATCH -H 'Content-Type: application/merge-patch+json' -H "If-Match: \"v$version\"" -d "$1" \
    -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/serial-generation/config/"
}
patch_config "$config" | grep -q 200 || fail "PATCH config through the gateway"
sleep 3 # let the new version reach the consumers before the work order does

WO="WO-SMOKE-$(date +%s)"
echo "{\"wo_id\":\"$WO\",\"wo_name\":\"Smoke $WO\",\"gtin\":\"09506000134352\",\"lot\":\"SMOKE1\",\"expiry\":\"2029-12-31\",\"quantity\":1000}" |
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat tools/kafka-dev-broker/target/broker.classpath):tools/kafka-dev-broker/target/classes" \
    org.serialgen.kafka.Publish --bootstrap "127.0.0.1:${KAFKA_PORT:-9092}" --topic erp.workorders.v1 --key "$WO" >/dev/null

await_field() { # await_field FIELD VALUE: poll the work order until FIELD has VALUE
  local body=""
  for _ in $(seq 1 120); do
    body=$(api "$GATEWAY/api/v1/serial-generation/workorders/$WO/" || true)
    [ "$(echo "$body" | json_field "$1")" = "$2" ] && return 0
    sleep 0.5
  done
  fail "$WO: expected $1=$2, last answer: $body"
}
await_field total_requested_sscc 10
await_field total_requested_serials 1050
echo "ok: $WO arrived from the ERP with 10 SSCCs (aggregation) and 1050 serials (config)"

patch_config '{"manufacturing_percentage":50.0}' | grep -q 200 || fail "second PATCH config through the gateway"
await_field total_requested_serials 525
echo "ok: the configuration change reached generation-service (1050 -> 525 serials)"

# The ERP: the embedded default pulls from a fake ERP with demo work orders; a sync asked for brings them in.
TOKEN=$(token_for erp)
api "$GATEWAY/api/v1/serial-generation/erp/status/" | grep -q '"pull_configured":true' || fail "ERP pull is not configured"
api -X POST -d '{}' -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/serial-generation/erp/sync/" | grep -q 202 \
  || fail "POST erp/sync/ through the gateway"
WO=WO-DEMO-1003
await_field total_requested_sscc 124
echo "ok: the ERP sync brought $WO in (12 345 units, 124 SSCCs by the configuration's rules)"

TOKEN=$(token_for viewer)
code=$(patch_config "$config")
[ "$code" = 403 ] || fail "a viewer's PATCH config answered $code, not 403"
code=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/serial-generation/workorders/")
[ "$code" = 401 ] || fail "a call without a token answered $code, not 401"
echo "ok: 401 without a token, 403 for a viewer's write"
# health and metrics on the management interface only; every listener on loopback in the local run
code=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/q/metrics")
[ "$code" = 404 ] || fail "the gateway's API port answered /q/metrics with $code, not 404"
# Read whole before matching: under pipefail, grep -q leaving early would fail curl with SIGPIPE on a long page.
metrics=$(curl -fs "http://127.0.0.1:$(( ${GATEWAY_PORT:-8080} + 1000 ))/q/metrics") \
  || fail "no metrics on the gateway's management port"
grep -q serialgen_logins <<<"$metrics" || fail "no sign-in counter in the gateway's metrics"
if command -v ss >/dev/null; then
  open=$(ss -ltnH | awk '{print $4}' | grep -E ':(80|90)8[0-4]$' \
    | grep -vE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):' || true)
  [ -z "$open" ] || fail "listening beyond loopback: $open"
fi
echo "ok: metrics on the management port only, every service on 127.0.0.1"
# HTTPS: the certificate the local run made is trusted, and a relayed write with a body goes through over HTTP/2
HTTPS=https://localhost:${GATEWAY_TLS_PORT:-8443}
TOKEN=$(curl -fsS --cacert "$SERIALGEN_HOME/tls/gateway.crt" -H 'Content-Type: application/json' \
  -d "{\"username\":\"erp\",\"password\":\"$(password_of erp)\"}" "$HTTPS/api/v1/auth/token" | json_field access_token)
[ -n "$TOKEN" ] || fail "no token over HTTPS"
code=$(curl -sS --http2 --cacert "$SERIALGEN_HOME/tls/gateway.crt" -o /dev/null -w '%{http_code} %{http_version}' \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"work_order_ids":["WO-DEMO-1001"]}' \
  "$HTTPS/api/v1/serial-generation/erp/sync/")
[ "$code" = "202 2" ] || fail "POST erp/sync/ over HTTPS (HTTP/2) answered $code"
echo "ok: HTTPS with the local certificate, a relayed write over HTTP/2"
# the local run's secrets are the owner's alone
for secret in logins.txt demo-credentials.txt master.key erp.token jwt/private.pem tls/gateway.p12 tls/password; do
  mode=$(stat -c %a "$SERIALGEN_HOME/$secret")
  [ "$mode" = 600 ] || fail "$secret is mode $mode, not 600"
done
echo "SMOKE PASSED in $(( $(date +%s) - start )) s"
