#!/usr/bin/env bash
# Starts a PostgreSQL server for the rillagen CLI tests on 127.0.0.1:5433 and prints its connection string.
# Idempotent and non-interactive; run as root on Debian. Installs postgresql from Debian's packages when absent.
# Usage: eval "$(bash .ci/start-postgres.sh)"   # exports RILLAGEN_TEST_POSTGRES
set -euo pipefail

PORT="${RILLAGEN_PG_PORT:-5433}"
CLUSTER="rillagen"
DATABASE="rillagen_test"
PASSWORD="${RILLAGEN_PG_PASSWORD:-rillagen-test}"

log() { echo "start-postgres: $*" >&2; }

if ! command -v pg_createcluster >/dev/null 2>&1; then
  log "installing postgresql from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters --no-header | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $VERSION/$CLUSTER on port $PORT"
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi

# Loopback only; test data needs no durability.
CONF_DIR="/etc/postgresql/$VERSION/$CLUSTER/conf.d"
mkdir -p "$CONF_DIR"
cat > "$CONF_DIR/rillagen-tests.conf" <<CONF
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

if ! pg_lsclusters --no-header | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  log "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

psql_admin() { runuser -u postgres -- psql --port "$PORT" --host /var/run/postgresql -v ON_ERROR_STOP=1 -tAq "$@"; }

for _ in $(seq 1 30); do
  psql_admin -c "select 1" >/dev/null 2>&1 && break
  sleep 1
done

psql_admin -c "ALTER USER postgres WITH PASSWORD '$PASSWORD';" >&2
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $DATABASE;" >&2
fi

CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=$PASSWORD;Database=$DATABASE"
log "PostgreSQL is ready on 127.0.0.1:$PORT, database $DATABASE"
echo "export RILLAGEN_TEST_POSTGRES='$CONNECTION'"
