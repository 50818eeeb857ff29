# Sourced by smoke-test.sh and bench-suite.sh: starts the packaged suite with deploy/run-local.sh (built jars) in a
# fresh SERIALGEN_HOME, waits until it is ready, and stops it when the calling script exits. A home it made itself is
# removed then; one the caller named (SERIALGEN_HOME set) is the caller's and stays, keys and users included.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OWN_HOME=
if [ -z "${SERIALGEN_HOME:-}" ]; then
  SERIALGEN_HOME=$(mktemp -d /tmp/serialgen-suite-XXXXXX)
  OWN_HOME=$SERIALGEN_HOME
fi
export SERIALGEN_HOME
# the benchmarks build first unless asked not to; the smoke run uses the jars CI has just built
BUILD_FOR_BENCH=$([ "${SERIALGEN_SKIP_BUILD:-0}" = 1 ] && echo no || echo yes)
export SERIALGEN_SKIP_BUILD=${SERIALGEN_SKIP_BUILD:-1}
RUNNER=

GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}

fail() { echo "FAILED: $*" >&2; exit 1; }
json_field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" | tr -d '"' ; }
password_of() { awk -v u="$1" '$1 == u { print $2 }' "$SERIALGEN_HOME/demo-credentials.txt"; }
token_for() { # a demo user's access token, from the gateway
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$(password_of "$1")\"}" "$GATEWAY/api/v1/auth/token" | json_field access_token
}
finish() {
  local rc=$?
  if [ -n "$RUNNER" ]; then kill "$RUNNER" 2>/dev/null || true; wait "$RUNNER" 2>/dev/null || true; fi
  if [ $rc -ne 0 ]; then tail -n 40 "$SERIALGEN_HOME"/logs/*.log 2>/dev/null || true; fi
  if [ -n "$OWN_HOME" ]; then rm -rf "$OWN_HOME"; fi
  exit $rc
}
trap finish EXIT

# A benchmark's setup: a database of its own, empty at each run (figures that do not depend on what earlier runs
# left), and the jars built unless SERIALGEN_SKIP_BUILD=1.
bench_setup() {
  export DB_NAME=${BENCH_DB_NAME:-serialgen_bench}
  RECREATE_DB=$DB_NAME bash deploy/postgres/prepare.sh
  if [ "$BUILD_FOR_BENCH" = yes ]; then ./mvnw -B -q -DskipTests install; fi
}

start_suite() {
  local start
  start=$(date +%s)
  bash deploy/run-local.sh > "$SERIALGEN_HOME.run.log" 2>&1 &
  RUNNER=$!
  for _ in $(seq 1 600); do
    [ -f "$SERIALGEN_HOME/ready" ] && break
    kill -0 "$RUNNER" 2>/dev/null || { cat "$SERIALGEN_HOME.run.log" >&2; fail "the suite did not start"; }
    sleep 0.5
  done
  [ -f "$SERIALGEN_HOME/ready" ] || fail "the suite was not ready within 300 s"
  echo "suite ready in $(( $(date +%s) - start )) s"
  rm -f "$SERIALGEN_HOME.run.log"
}
