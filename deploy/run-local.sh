#!/usr/bin/env bash
# Builds and runs the whole suite on this machine — the embedded default:
#   PostgreSQL prepared (installed and started if needed), a single-node Kafka broker from Maven Central jars,
#   the five services on fixed ports, demo users and a JWT key pair created on first start.
# Ctrl-C (or SIGTERM) stops everything it started.
#
# Variables: SERIALGEN_HOME (state: keys, users, Kafka data, logs; default deploy/.local), SERIALGEN_SKIP_BUILD=1
# (use the jars already built), SERIALGEN_JVM=plain or lean, or SERIALGEN_JVM_OPTIONS (the services' JVM options,
# see jvm_options below), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), GATEWAY_PORT (8080),
# CONFIG_PORT (8081), GENERATION_PORT (8082), ERP_SYNC_PORT (8083), AGGREGATION_PORT (8084), FAKE_ERP_PORT (8085),
# GATEWAY_TLS_PORT (8443: the gateway's HTTPS, with a self-signed certificate made on first start),
# each service's management interface (health, metrics, OpenAPI) on its port + 1000 (9080 … 9084), everything bound
# to 127.0.0.1, and the database variables of deploy/postgres/prepare.sh and the services (DB_HOST, DB_PORT, DB_NAME, ...).
# The ERP: ERP_API_BASE_URL (and ERP_API_TOKEN, ERP_SYNC_INTERVAL) set in the environment are honoured — a real ERP
# is configuration only; unset, a fake ERP with a few demo work orders is started and pulled from.
# SERIALGEN_SEED_COMPANY_PREFIX: the company prefixes of a new site's first configuration, comma-separated (default:
# GS1's demonstration prefix 9520000 of the demo ERP's GTINs and its example prefix 9506000, so that the demo's serials
# and SSCCs can be issued at once; replace them with the site's own in the UI).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
STATE=${SERIALGEN_HOME:-$ROOT/deploy/.local}
LOGS=$STATE/logs
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
declare -A PORTS=(
  [gateway]=${GATEWAY_PORT:-8080}
  [config-service]=${CONFIG_PORT:-8081}
  [generation-service]=${GENERATION_PORT:-8082}
  [erp-sync-service]=${ERP_SYNC_PORT:-8083}
  [aggregation-service]=${AGGREGATION_PORT:-8084}
)
FAKE_ERP_PORT=${FAKE_ERP_PORT:-8085}
GATEWAY_TLS_PORT=${GATEWAY_TLS_PORT:-8443}
SERVICES=(config-service generation-service erp-sync-service aggregation-service gateway)
TOPICS=erp.workorders.v1,serialgen.workorders.v1,serialgen.aggregation.v1,serialgen.config.v1,serialgen.generation.v1,serialgen.erp.v1,serialgen.auth.v1
PIDS=()
declare -A SERVICE_PID=()
# --replicas N (or SERIALGEN_REPLICAS): N instances of every service side by side on the one broker and database.
# Replica r listens on its service's port + 100 × (r − 1), its management interface on that + 1000, the gateway's
# HTTPS on GATEWAY_TLS_PORT + 100 × (r − 1); gateway r relays to the backends' replica r (Kubernetes puts a Service
# in front of them instead). Replica 1 logs to <service>.log, replica r to <service>-r.log.
REPLICAS=${SERIALGEN_REPLICAS:-1}
while [ $# -gt 0 ]; do
  case $1 in
    --replicas) REPLICAS=${2:-}; shift 2 || shift ;;
    --replicas=*) REPLICAS=${1#*=}; shift ;;
    *) echo "unknown option $1 (the one option is --replicas N)" >&2; exit 2 ;;
  esac
done
[[ $REPLICAS =~ ^[1-9]$ ]] || { echo "--replicas takes 1 to 9, not '$REPLICAS'" >&2; exit 2; }
REPLICA_NUMBERS=$(seq 1 "$REPLICAS")
port_of() { echo $(( PORTS[$1] + 100 * ($2 - 1) )); } # port_of SERVICE REPLICA
log_of() { if [ "$2" = 1 ]; then echo "$LOGS/$1.log"; else echo "$LOGS/$1-$2.log"; fi; }

log() { echo "[serialgen] $*"; }

stop_all() {
  trap - EXIT INT TERM
  if [ ${#PIDS[@]} -gt 0 ]; then
    log "stopping ${#PIDS[@]} processes"
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

FAKE_ERP=
if [ -z "${ERP_API_BASE_URL:-}" ]; then FAKE_ERP=1; fi
# health, metrics and OpenAPI answer on a port of each service's own, never on the API's
declare -A MANAGEMENT_PORTS=()
for service in "${!PORTS[@]}"; do MANAGEMENT_PORTS[$service]=$(( PORTS[$service] + 1000 )); done
REPLICA_PORTS=()
for replica in $REPLICA_NUMBERS; do
  for service in "${SERVICES[@]}"; do
    REPLICA_PORTS+=("$(port_of "$service" "$replica")" $(( $(port_of "$service" "$replica") + 1000 )))
  done
  REPLICA_PORTS+=($(( GATEWAY_TLS_PORT + 100 * (replica - 1) )))
done
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "${REPLICA_PORTS[@]}" ${FAKE_ERP:+"$FAKE_ERP_PORT"}; do
  port_free "$port" || { echo "port $port is in use; set the matching *_PORT variable (see the top of $0)" >&2; exit 1; }
done

started=$(date +%s)
bash deploy/postgres/prepare.sh

if [ -z "${SERIALGEN_SKIP_BUILD:-}" ]; then
  log "building (./mvnw package, tests skipped)"
  ./mvnw -B -q -DskipTests package
fi

mkdir -p "$LOGS"
rm -f "$STATE/ready"
# the logins hold the demo passwords: readable by the owner only, like every secret in $STATE
(umask 077 && java -cp "$(cat tools/local-setup/target/setup.classpath):tools/local-setup/target/classes" \
  org.serialgen.localsetup.LocalSetup "$STATE" > "$STATE/logins.txt")

# HTTPS for the gateway: a self-signed certificate for localhost and 127.0.0.1, made on first start (its key store
# and password the owner's only; the certificate is what a client trusts)
TLS=$STATE/tls
if [ ! -f "$TLS/gateway.p12" ]; then
  (umask 077 && mkdir -p "$TLS" && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$TLS/password")
  (umask 077 && keytool -genkeypair -alias gateway -keyalg EC -groupname secp256r1 -validity 825 \
    -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1" -keystore "$TLS/gateway.p12" -storetype PKCS12 \
    -storepass "$(cat "$TLS/password")" > /dev/null 2>&1)
  keytool -exportcert -rfc -alias gateway -keystore "$TLS/gateway.p12" -storepass "$(cat "$TLS/password")" \
    > "$TLS/gateway.crt" 2> /dev/null
  log "made a certificate for the gateway's HTTPS: $TLS/gateway.crt"
fi

log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$(cat tools/kafka-dev-broker/target/broker.classpath):tools/kafka-dev-broker/target/classes" \
  org.serialgen.kafka.DevBroker --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" \
  --dir "$STATE/kafka" --topics "$TOPICS" > "$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  grep -q "KAFKA-DEV-BROKER READY" "$LOGS/kafka.log" && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$LOGS/kafka.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "KAFKA-DEV-BROKER READY" "$LOGS/kafka.log" || { echo "Kafka did not start; see $LOGS/kafka.log" >&2; exit 1; }

if [ -n "$FAKE_ERP" ]; then
  [ -f "$STATE/erp.token" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$STATE/erp.token"
  chmod 600 "$STATE/erp.token"
  log "starting the fake ERP (demo work orders) on 127.0.0.1:$FAKE_ERP_PORT"
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$(cat tools/fake-erp/target/fake-erp.classpath):tools/fake-erp/target/classes" \
    org.serialgen.fakeerp.FakeErpMain --port "$FAKE_ERP_PORT" --token "$(cat "$STATE/erp.token")" \
    > "$LOGS/fake-erp.log" 2>&1 &
  PIDS+=($!)
  export ERP_API_BASE_URL=http://127.0.0.1:$FAKE_ERP_PORT
  ERP_API_TOKEN=$(cat "$STATE/erp.token")
  export ERP_API_TOKEN
fi
export SERIALGEN_SEED_COMPANY_PREFIX=${SERIALGEN_SEED_COMPANY_PREFIX:-9520000,9506000}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export SERIALGEN_JWT_PUBLIC_KEY_LOCATION=$STATE/jwt/public.pem
export SERIALGEN_JWT_PRIVATE_KEY_LOCATION=$STATE/jwt/private.pem
export SERIALGEN_USERS_FILE=$STATE/users.txt
SERIALGEN_MASTER_KEY=$(cat "$STATE/master.key")
export SERIALGEN_MASTER_KEY

# The services' JVM: -Xmx256m -XX:+UseSerialGC and the class-data archive the build made (quarkus.package.jar.appcds:
# the classes of a start, parsed and verified once; the archive names the jar as quarkus-run.jar, relative, so each
# service starts in its directory). SERIALGEN_JVM=plain leaves the archive out; SERIALGEN_JVM=lean adds a heap that
# starts small and gives back what a burst took (a fifth less memory, deploy/bench-start.sh; more collections under
# load). SERIALGEN_JVM_OPTIONS replaces all of it.
jvm_options() {
  if [ -n "${SERIALGEN_JVM_OPTIONS:-}" ]; then echo "$SERIALGEN_JVM_OPTIONS"; return; fi
  local options="-Xmx256m -XX:+UseSerialGC"
  if [ "${SERIALGEN_JVM:-}" = plain ]; then echo "$options"; return; fi
  if [ "${SERIALGEN_JVM:-}" = lean ]; then
    options="$options -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -Xss512k"
  fi
  if [ -f "$1/target/quarkus-app/app-cds.jsa" ]; then options="$options -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto"; fi
  echo "$options"
}

for replica in $REPLICA_NUMBERS; do
  for service in "${SERVICES[@]}"; do
    port=$(port_of "$service" "$replica")
    log "starting $service (replica $replica of $REPLICAS) on 127.0.0.1:$port"
    extra=()
    if [ "$service" = gateway ]; then
      extra=(SERIALGEN_TLS_KEY_STORE="$TLS/gateway.p12" SERIALGEN_TLS_KEY_STORE_PASSWORD="$(cat "$TLS/password")"
        GATEWAY_TLS_PORT=$(( GATEWAY_TLS_PORT + 100 * (replica - 1) )))
      for backend in config-service generation-service erp-sync-service aggregation-service; do
        variable=$(echo "$backend" | tr 'a-z-' 'A-Z_')_URL
        extra+=("$variable=http://127.0.0.1:$(port_of "$backend" "$replica")")
      done
    fi
    (cd "$service/target/quarkus-app" && exec env "${extra[@]}" HTTP_PORT="$port" MANAGEMENT_PORT=$(( port + 1000 )) \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 java $(jvm_options "$service") \
      -Dserialgen.service="$service" -jar quarkus-run.jar) > "$(log_of "$service" "$replica")" 2>&1 &
    PIDS+=($!)
    SERVICE_PID[$service/$replica]=$!
  done
done

for replica in $REPLICA_NUMBERS; do
  for service in "${SERVICES[@]}"; do
    management=$(( $(port_of "$service" "$replica") + 1000 ))
    for _ in $(seq 1 240); do
      curl -fs -o /dev/null "http://127.0.0.1:$management/q/health/ready" && break
      # a service that failed to start (a migration, a port in use) stops the wait at once
      kill -0 "${SERVICE_PID[$service/$replica]}" 2>/dev/null \
        || { tail -n 30 "$(log_of "$service" "$replica")" >&2; echo "$service exited while starting" >&2; exit 1; }
      sleep 0.5
    done
    curl -fs -o /dev/null "http://127.0.0.1:$management/q/health/ready" \
      || { echo "$service is not ready; see $(log_of "$service" "$replica")" >&2; exit 1; }
  done
done

cat <<TXT

Serial Generation Suite is up after $(( $(date +%s) - started )) s.
  web UI: open in a browser         http://127.0.0.1:${PORTS[gateway]}/  (sign in with a login below)
  gateway (public API, /api/v1/…)  http://127.0.0.1:${PORTS[gateway]}
  gateway over HTTPS                https://localhost:$GATEWAY_TLS_PORT  (self-signed: trust $TLS/gateway.crt,
                                    e.g. curl --cacert $TLS/gateway.crt, or import it into the browser)
  config-service                    http://127.0.0.1:${PORTS[config-service]}
  generation-service                http://127.0.0.1:${PORTS[generation-service]}
  erp-sync-service                  http://127.0.0.1:${PORTS[erp-sync-service]}
  aggregation-service               http://127.0.0.1:${PORTS[aggregation-service]}
  health, metrics, OpenAPI           http://127.0.0.1:<port + 1000>/q/health, /q/metrics, /q/openapi (${MANAGEMENT_PORTS[gateway]} …)
  Kafka                             127.0.0.1:$KAFKA_PORT
  ERP                               $ERP_API_BASE_URL${FAKE_ERP:+ (fake, demo work orders; add some: POST /_admin/workorders)}
  logs                              $LOGS
  replicas                          $REPLICAS of each service; replica r on the ports above + 100 × (r − 1)
$(cat "$STATE/logins.txt")

Log in and call the API:
  TOKEN=\$(curl -s -H 'Content-Type: application/json' -d '{"username":"manager","password":"<password above>"}' \\
    http://127.0.0.1:${PORTS[gateway]}/api/v1/auth/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:${PORTS[gateway]}/api/v1/serial-generation/config/
Publish an ERP work order:
  echo '{"wo_id":"WO-1","wo_name":"Batch 1","gtin":"09506000134352","lot":"L1","expiry":"2028-12-31","quantity":1000}' | \\
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "\$(cat tools/kafka-dev-broker/target/broker.classpath):tools/kafka-dev-broker/target/classes" \\
    org.serialgen.kafka.Publish --bootstrap 127.0.0.1:$KAFKA_PORT --topic erp.workorders.v1 --key WO-1
Press Ctrl-C to stop.
TXT
touch "$STATE/ready"
wait -n "${PIDS[@]}" || true
log "a process exited; stopping the suite"
