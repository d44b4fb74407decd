#!/usr/bin/env bash
# Starts UsmpCare on http://localhost:5080 with its own local PostgreSQL cluster under .data/ (created on the first
# run, reused afterwards), applies the migrations, seeds the demo data when the database is empty.
# With ConnectionStrings__Default set, that database is used instead and no cluster is started (ConnectionStrings__Owner,
# when set, is the owner's connection for migrate). The app connects as a role that owns nothing (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
# --reset-db: drops the local demo database and makes it again (migrations, demo data), e.g. after the migrations were
# squashed (migrate then refuses the old one). Never a database given by ConnectionStrings__Default.
reset_db=false
if [ "${1:-}" = --reset-db ]; then
  reset_db=true
  shift
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "--reset-db ne recrée que la base locale de .data/ : recréez vous-même celle de ConnectionStrings__Default." >&2
    exit 1
  fi
fi
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

started_cluster=""
if [ -z "${ConnectionStrings__Default:-}" ]; then
  pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "PostgreSQL (serveur) est introuvable. Installez-le : sudo apt-get install -y postgresql" >&2
    echo "ou indiquez une base existante : ConnectionStrings__Default='Host=…;Database=…;Username=…;Password=…' ./run.sh" >&2
    exit 1
  fi
  mkdir -p .data
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    as_pg=(runuser -u postgres --)
    if ! runuser -u postgres -- test -x "$root/.data"; then
      # A parent of the checkout is closed to postgres (e.g. /root): keep the cluster in /var/lib, linked from .data.
      alt="/var/lib/usmpcare/$(echo -n "$root" | md5sum | cut -c1-12)"
      mkdir -p "$alt" && chown postgres: "$alt" && chmod 700 "$alt"
      [ -e .data/pg ] || ln -s "$alt" .data/pg
    fi
  fi
  pgdata="$root/.data/pg"
  # Passwords generated once, mode 600 (docs/decisions/0014): the owner usmpcare runs the migrations, the app connects
  # as usmpcare_app, which owns nothing; the cluster's superuser is postgres.
  secret() {
    [ -f "$1" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$1")
    cat "$1"
  }
  owner_password=$(secret .data/pg-password)
  app_password=$(secret .data/pg-app-password)
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    echo "Création du cluster PostgreSQL local dans .data/pg …"
    mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres: "$pgdata" && chmod 700 "$pgdata"
    pwfile=$(mktemp); secret .data/pg-superuser-password > "$pwfile"; chmod 644 "$pwfile"
    "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 >/dev/null
    rm -f "$pwfile"
  fi
  # A cluster made by an earlier run.sh (no .data/pg-superuser-password) has usmpcare as its superuser: it stays the
  # owner that migrates, and creates the app's role all the same.
  if [ -f .data/pg-superuser-password ]; then
    admin=postgres admin_password=$(cat .data/pg-superuser-password)
  else
    admin=usmpcare admin_password=$owner_password
  fi
  if [ ! -f .data/pg-port ]; then
    port=55432
    while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port" > .data/pg-port
  fi
  port=$(cat .data/pg-port)
  if ! "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $pgdata" start >/dev/null
    started_cluster=1
  fi
  PGPASSWORD="$admin_password" "$pgbin/psql" -h 127.0.0.1 -p "$port" -U "$admin" -d postgres -q -v ON_ERROR_STOP=1 \
    -v owner_password="$owner_password" -v app_password="$app_password" -v reset_db="$reset_db" <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'usmpcare') AS missing \gset
\if :missing
  CREATE ROLE usmpcare LOGIN NOSUPERUSER CREATEDB NOCREATEROLE;
\endif
ALTER ROLE usmpcare PASSWORD :'owner_password';
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'usmpcare_app') AS missing \gset
\if :missing
  CREATE ROLE usmpcare_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
ALTER ROLE usmpcare_app PASSWORD :'app_password';
\if :reset_db
  DROP DATABASE IF EXISTS usmpcare WITH (FORCE);
\endif
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = 'usmpcare') AS missing \gset
\if :missing
  CREATE DATABASE usmpcare OWNER usmpcare;
\endif
SQL
  database="Host=127.0.0.1;Port=$port;Database=usmpcare"
  export ConnectionStrings__Default="$database;Username=usmpcare_app;Password=$app_password"
  ConnectionStrings__Owner="$database;Username=usmpcare;Password=$owner_password"
  stop_cluster() {
    if [ -n "$started_cluster" ]; then
      "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    fi
  }
  trap stop_cluster EXIT
fi

# The audit trail's HMAC key lives outside the database (P16): one per checkout, kept in .data/.
if [ -z "${Audit__Key:-}" ]; then
  mkdir -p .data
  [ -f .data/audit-key ] || { head -c 32 /dev/urandom | base64 > .data/audit-key; chmod 600 .data/audit-key; }
  export Audit__Key="$(cat .data/audit-key)"
fi

dotnet build src/UsmpCare.Web/UsmpCare.Web.csproj -c Release -nologo -v q
app=(dotnet src/UsmpCare.Web/bin/Release/net10.0/UsmpCare.Web.dll)
# The owner's connection string reaches the migrate command only, never the running app.
owner_connection=${ConnectionStrings__Owner:-}
unset ConnectionStrings__Owner
ConnectionStrings__Owner="$owner_connection" "${app[@]}" migrate
if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
  "${app[@]}" seed-demo
  # Issue #20: a database seeded before the drug referential existed gets the demo one too (idempotent upsert).
  "${app[@]}" import-drugs data/bdpm-demo
fi

cat <<MSG

UsmpCare : http://localhost:5080
Comptes de démonstration (mot de passe commun : UsmpCare-demo-2026) :
  medecin@demo.usmp.fr            Médecin (somatique, deux unités)
  psychiatre@demo.usmp.fr         Psychiatre
  infirmier.soma@demo.usmp.fr     Infirmier·e, équipe somatique
  infirmier.psy@demo.usmp.fr      Infirmier·e, équipe psychiatrique
  coordonnateur@demo.usmp.fr      Médecin coordonnateur
  secretariat@demo.usmp.fr        Secrétariat médical
  ap@demo.usmp.fr                 Administration pénitentiaire
  spip@demo.usmp.fr               SPIP
  admin@demo.usmp.fr              Administrateur
  medecin.sta@demo.usmp.fr        Médecin de la seconde unité (Saint-Aubin)
Second facteur (soignants, coordonnateur, administrateur) : comptes déjà enrôlés avec la clé TOTP publiée
  USMP CARE DEMO TOTP KEYF ORDE VONL Y234 ; en Development, la page du code affiche le code du moment.
Ctrl-C arrête l'application ; les données restent dans .data/.
MSG
"${app[@]}" --urls "${ASPNETCORE_URLS:-http://localhost:5080}"
