#!/usr/bin/env bash
# Install (if needed) and start Debian's PostgreSQL on 127.0.0.1:5432 with a role and a
# database for the test suite, then print the URL to export. Idempotent; runs as root on a
# fresh Debian 12 with no stdin (CI=true), or as a user with passwordless sudo.
#
#   eval "$(scripts/ci_postgres.sh | tail -n 1)"   # exports PSYLITE_TEST_POSTGRES_URL
#
# Overridable: PG_ROLE, PG_PASSWORD, PG_DB, PG_PORT (default psylite/psylite/psylite_test/5432).
set -euo pipefail

PG_ROLE="${PG_ROLE:-psylite}"
PG_PASSWORD="${PG_PASSWORD:-psylite}"
PG_DB="${PG_DB:-psylite_test}"
PG_PORT="${PG_PORT:-5432}"
export DEBIAN_FRONTEND=noninteractive

log() { echo "ci_postgres: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  log "must run as root (or with passwordless sudo) to install and start PostgreSQL"
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "${SUDO[@]}" -u postgres "$@"
  fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql with apt-get"
  "${SUDO[@]}" apt-get update -qq </dev/null >&2
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib </dev/null >&2
fi

# Newest installed major version; Debian 12 ships 15.
PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
CLUSTER=main

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $CLUSTER"; then
  log "creating cluster $PG_VERSION/$CLUSTER on port $PG_PORT"
  "${SUDO[@]}" pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$CLUSTER" >&2
fi

# Loopback only: the tests never need the server reachable from elsewhere. A conf.d drop-in
# (Debian's postgresql.conf includes conf.d) keeps the packaged file untouched.
CONF_DIR="/etc/postgresql/$PG_VERSION/$CLUSTER"
DROP_IN="$CONF_DIR/conf.d/psylite-ci.conf"
WANT="listen_addresses = '127.0.0.1'"
changed=0
if [ "$(cat "$DROP_IN" 2>/dev/null || true)" != "$WANT" ]; then
  "${SUDO[@]}" mkdir -p "$CONF_DIR/conf.d"
  echo "$WANT" | "${SUDO[@]}" tee "$DROP_IN" >/dev/null
  changed=1
fi
if [ "$(pg_conftool -s "$PG_VERSION" "$CLUSTER" show port 2>/dev/null || true)" != "$PG_PORT" ]; then
  "${SUDO[@]}" pg_conftool "$PG_VERSION" "$CLUSTER" set port "$PG_PORT" >&2
  changed=1
fi

status="$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ "$status" != "online" ]; then
  # pg_ctlcluster works without systemd (containers, CI runners).
  "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" start >&2
elif [ "$changed" = 1 ]; then
  "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" restart >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2 || { log "server did not become ready"; exit 1; }

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@" </dev/null; }

# CREATEDB lets each test session work in its own throw-away database.
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" != "1" ]; then
  log "creating role $PG_ROLE"
  psql_admin -c "CREATE ROLE \"$PG_ROLE\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
else
  psql_admin -c "ALTER ROLE \"$PG_ROLE\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  log "creating database $PG_DB"
  psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_ROLE\""
fi

URL="postgresql+asyncpg://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
# Prove the password login over TCP works, the way the tests will connect.
PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d "$PG_DB" -tAc "SELECT 1" </dev/null >/dev/null
log "ready: $URL"
echo "export PSYLITE_TEST_POSTGRES_URL=$URL"
