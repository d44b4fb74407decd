#!/usr/bin/env bash
# Backs up the UsmpCare database with pg_dump (custom format, compressed): scripts/backup.sh FILE
# Connection: the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) when PGDATABASE is set,
# otherwise run.sh's local cluster under .data/, as the owner role (the app's role cannot read everything). The audit
# trail's key is NOT in the dump: keep .data/audit-key (or Audit__Key) safe too, but NOT next to the dumps: whoever
# holds both could forge a trail that verifies.
# A dump is the whole medical record: it is written 0600 in a folder 0700 (created if missing); a folder that other
# accounts can enter is refused.
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/backup.sh FILE}
folder=$(dirname "$file")
mkdir -p "$folder"
if [ -n "$(find "$folder" -maxdepth 0 -perm /077)" ]; then
  echo "Le dossier $folder est accessible à d'autres comptes : choisissez un dossier en 0700 (chmod 700 $folder). Rien n'est écrit." >&2
  exit 1
fi
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "${PGDATABASE:-}" ]; then
  export PGHOST=127.0.0.1 PGPORT="$(cat .data/pg-port)" PGUSER=usmpcare PGPASSWORD="$(cat .data/pg-password)" PGDATABASE=usmpcare
fi
"$pgbin/pg_dump" --format=custom --no-owner --file="$file"
# pg_dump keeps the mode of a file it overwrites.
chmod 600 "$file"
echo "Sauvegarde écrite : $file"
