#!/usr/bin/env bash
# PostgreSQL 15 for the hub's tests: start the Debian cluster if it is not running (no systemd
# needed), keep it on 127.0.0.1 only, and create the test role and database. Idempotent.
# The tests read MOTCUA_TEST_PG_URL, default postgres://motcua_test:motcua_test@127.0.0.1:5432/motcua_test
set -euo pipefail

VERSION=15
CLUSTER=main
ROLE=motcua_test
PASSWORD=motcua_test
DB=motcua_test

if ! command -v pg_ctlcluster >/dev/null; then
  echo "postgres: pg_ctlcluster not found; install postgresql-$VERSION first" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VERSION $CLUSTER"; then
  pg_createcluster "$VERSION" "$CLUSTER" >/dev/null
  echo "postgres: created cluster $VERSION/$CLUSTER"
fi
CONF_DIR="/etc/postgresql/$VERSION/$CLUSTER"
# Loopback only, whatever the packaged default says.
if ! grep -qx "listen_addresses = '127.0.0.1'" "$CONF_DIR/postgresql.conf"; then
  echo "listen_addresses = '127.0.0.1'" >>"$CONF_DIR/postgresql.conf"
  pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c && $4=="online"{found=1} END{exit !found}' && pg_ctlcluster "$VERSION" "$CLUSTER" restart
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c && $4=="online"{found=1} END{exit !found}'; then
  pg_ctlcluster "$VERSION" "$CLUSTER" start
  echo "postgres: started $VERSION/$CLUSTER"
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')

psql_admin() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qAt $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB\""
  echo "postgres: created role $ROLE"
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"")" != "1" ]; then
  psql_admin "-c \"CREATE DATABASE $DB OWNER $ROLE\""
  echo "postgres: created database $DB"
fi
echo "postgres: ready at postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB (export MOTCUA_TEST_PG_URL to override in tests)"
