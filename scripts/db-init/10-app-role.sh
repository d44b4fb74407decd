#!/bin/sh
# Run once by the postgres image when it initialises an empty volume (/docker-entrypoint-initdb.d, docker-compose.yml):
# creates the app's login role, which owns nothing; `migrate`, connected as the owner, gives it its grants
# (docs/decisions/0014, docs/operations.md « Database roles »). An existing volume needs it by hand, once:
#   docker compose exec db psql -U usmpcare -d usmpcare -c "CREATE ROLE usmpcare_app LOGIN PASSWORD '…'"
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$USMP_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE usmpcare_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
SQL
