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
export SERIALGEN_SKIP_BUILD=${SERIALGEN_SKIP_BUILD:-1}
RUNNER=

fail() { echo "FAILED: $*" >&2; exit 1; }
finish() {
  local rc=$?
  if [ -n "$RUNNER" ]; then kill "$RUNNER" 2>/dev/null || true; wait "$RUNNER" 2>/dev/null || true; fi
  if [ $rc -ne 0 ]; then tail -n 40 "$SERIALGEN_HOME"/logs/*.log 2>/dev/null || true; fi
  if [ -n "$OWN_HOME" ]; then rm -rf "$OWN_HOME"; fi
  exit $rc
}
trap finish EXIT

start_suite() {
  local start
  start=$(date +%s)
  bash deploy/run-local.sh > "$SERIALGEN_HOME.run.log" 2>&1 &
  RUNNER=$!
  for _ in $(seq 1 360); do
    [ -f "$SERIALGEN_HOME/ready" ] && break
    kill -0 "$RUNNER" 2>/dev/null || { cat "$SERIALGEN_HOME.run.log" >&2; fail "the suite did not start"; }
    sleep 0.5
  done
  [ -f "$SERIALGEN_HOME/ready" ] || fail "the suite was not ready within 180 s"
  echo "suite ready in $(( $(date +%s) - start )) s"
  rm -f "$SERIALGEN_HOME.run.log"
}
