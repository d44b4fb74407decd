#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a NEW database: scripts/restore.sh FILE NEW_DATABASE
# Connection as for backup.sh (libpq variables, or run.sh's local cluster). Never overwrites an existing database:
# check it (dotnet UsmpCare.Web.dll verify-audit with ConnectionStrings__Default pointing at it), then switch.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/restore.sh FILE NEW_DATABASE}
target=${2:?usage: scripts/restore.sh FILE NEW_DATABASE}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "${PGDATABASE:-}" ]; then
  export PGHOST=127.0.0.1 PGPORT="$(cat .data/pg-port)" PGUSER=usmpcare PGPASSWORD="$(cat .data/pg-password)" PGDATABASE=usmpcare
fi
"$pgbin/createdb" "$target"
"$pgbin/pg_restore" --no-owner --exit-on-error --dbname="$target" "$file"
echo "Base restaurée : $target"
