#!/usr/bin/env bash
# Backs up the UsmpCare database with pg_dump (custom format, compressed): scripts/backup.sh FILE
# Connection: the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) when PGDATABASE is set,
# otherwise run.sh's local cluster under .data/. The audit trail's key is NOT in the dump: keep .data/audit-key
# (or Audit__Key) safe too, but NOT next to the dumps: whoever holds both could forge a trail that verifies.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/backup.sh FILE}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "${PGDATABASE:-}" ]; then
  export PGHOST=127.0.0.1 PGPORT="$(cat .data/pg-port)" PGUSER=usmpcare PGPASSWORD="$(cat .data/pg-password)" PGDATABASE=usmpcare
fi
"$pgbin/pg_dump" --format=custom --no-owner --file="$file"
echo "Sauvegarde écrite : $file"
