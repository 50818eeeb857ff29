#!/usr/bin/env bash
# Prepares PostgreSQL for the suite on a Debian machine in any state, then creates (idempotently) the databases,
# one login role and one schema per service, each role allowed only its own schema.
#
#   local (default): running → used; installed but stopped → started; missing → apt-get installed and started.
#   external: set PG_ADMIN_URL (e.g. postgresql://admin:secret@db.example:5432/postgres) and nothing is installed;
#             psql must be on the PATH.
#
# Variables: DB_NAME (serialgen), DB_TEST_NAME (serialgen_test), <ROLE>_DB_PASSWORD for each role (CONFIG_DB_PASSWORD,
# GENERATION_DB_PASSWORD, ERP_SYNC_DB_PASSWORD, AGGREGATION_DB_PASSWORD; local default: the role's name),
# RECREATE_DB (a database to drop first, for a run that must start empty, e.g. the benchmark's; never the default).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"

DB_NAME=${DB_NAME:-serialgen}
DB_TEST_NAME=${DB_TEST_NAME:-serialgen_test}
ROLES=(config generation erp_sync aggregation)
# The shared kits' own tests (libs/eventing-kit) run in a schema of their own, in the test database only.
TEST_ROLES=(kit_test)

log() { echo "[postgres] $*"; }

as_superuser() { # runs psql as a superuser with the given arguments
  if [ -n "${PG_ADMIN_URL:-}" ]; then
    psql "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -q "$@"
  elif [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@")
  elif [ "$(id -un)" = postgres ]; then
    psql -v ON_ERROR_STOP=1 -q "$@"
  else
    (cd / && sudo -n -u postgres psql -v ON_ERROR_STOP=1 -q "$@")
  fi
}

maybe_sudo() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

ensure_local_server() {
  if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "${DB_PORT:-5432}"; then
    log "server already running on 127.0.0.1:${DB_PORT:-5432}"
    return
  fi
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    log "installing PostgreSQL with apt-get"
    maybe_sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive maybe_sudo apt-get install -y -qq postgresql >/dev/null
  fi
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    log "creating cluster $version/main"
    maybe_sudo pg_createcluster "$version" main >/dev/null
  fi
  read -r version cluster _ <<<"$(pg_lsclusters -h | head -1)"
  log "starting cluster $version/$cluster"
  maybe_sudo pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "${DB_PORT:-5432}" && return
    sleep 1
  done
  echo "PostgreSQL did not become ready" >&2
  exit 1
}

# TLS for the services' connections (DB_SSL_MODE): a local cluster without it gets a self-signed certificate for
# localhost and 127.0.0.1 in its data directory, and ssl = on (a reload: clients that do not ask for TLS are served as
# before). PG_TLS=off leaves the server as it is. The server's certificate, which DB_SSL_MODE=verify-ca trusts, is
# copied to deploy/.local/postgres-server.crt.
enable_local_tls() {
  [ "${PG_TLS:-on}" = on ] || return 0
  if [ "$(as_superuser -tA -c 'SHOW ssl')" != on ]; then
    if ! command -v openssl >/dev/null; then
      log "openssl is missing: TLS left off"
      return 0
    fi
    local datadir
    datadir=$(as_superuser -tA -c 'SHOW data_directory')
    maybe_sudo openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$datadir/serialgen-server.key" -out "$datadir/serialgen-server.crt" 2>/dev/null
    maybe_sudo chown postgres: "$datadir/serialgen-server.key" "$datadir/serialgen-server.crt"
    maybe_sudo chmod 600 "$datadir/serialgen-server.key"
    as_superuser -c "ALTER SYSTEM SET ssl_cert_file = '$datadir/serialgen-server.crt'" \
      -c "ALTER SYSTEM SET ssl_key_file = '$datadir/serialgen-server.key'" -c "ALTER SYSTEM SET ssl = on" \
      -c "SELECT pg_reload_conf()" >/dev/null
    sleep 1
    [ "$(as_superuser -tA -c 'SHOW ssl')" = on ] || { echo "PostgreSQL did not turn TLS on" >&2; exit 1; }
    log "TLS on, with a self-signed certificate"
  fi
  local cert here
  cert=$(as_superuser -tA -c "SELECT CASE WHEN s.setting LIKE '/%' THEN s.setting
    ELSE d.setting || '/' || s.setting END FROM pg_settings s, pg_settings d
    WHERE s.name = 'ssl_cert_file' AND d.name = 'data_directory'")
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local"
  mkdir -p "$here"
  maybe_sudo cat "$cert" > "$here/postgres-server.crt"
}

password_of() { local var; var="$(echo "$1" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"; echo "${!var:-$1}"; }

if [ -z "${PG_ADMIN_URL:-}" ]; then
  ensure_local_server
  enable_local_tls
else
  log "using the external server named by PG_ADMIN_URL; installing nothing"
fi

for role in "${ROLES[@]}" "${TEST_ROLES[@]}"; do
  password=$(password_of "$role")
  as_superuser -v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
SQL
done

if [ -n "${RECREATE_DB:-}" ]; then
  [ "$RECREATE_DB" != serialgen ] || { echo "RECREATE_DB may not name the default database" >&2; exit 1; }
  as_superuser -v db="$RECREATE_DB" <<'SQL'
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
SQL
  log "database $RECREATE_DB dropped, to be created empty"
fi

for db in "$DB_NAME" "$DB_TEST_NAME"; do
  as_superuser -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  schemas=("${ROLES[@]}")
  if [ "$db" = "$DB_TEST_NAME" ]; then schemas+=("${TEST_ROLES[@]}"); fi
  for role in "${schemas[@]}"; do
    as_superuser -d "$db" -v db="$db" -v role="$role" <<'SQL'
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"role" AUTHORIZATION :"role";
REVOKE ALL ON SCHEMA :"role" FROM PUBLIC;
SQL
  done
  # Range exclusion constraints (serial allocations) need btree_gist, the work-order search's trigram index
  # pg_trgm; only a superuser may create them.
  as_superuser -d "$db" -c 'REVOKE CREATE ON SCHEMA public FROM PUBLIC; CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public; CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;'
  log "database $db ready (schemas: ${schemas[*]})"
done
