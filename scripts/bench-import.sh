#!/usr/bin/env bash
# Times the import of a movements file of N lines (default 100,000) into the demo unit MA-VIL, twice: the first run
# creates the patients, the second finds every movement « déjà importé » (idempotence). Prints the command's report.
# Uses ConnectionStrings__Default when set (it must name an empty scratch database); otherwise starts a throwaway
# PostgreSQL cluster in /tmp (fsync off, like the tests) and removes it afterwards. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-100000}
export ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/usmp-bench-import.XXXXXX)
cleanup() {
  if [ -n "${pgdata:-}" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${ConnectionStrings__Default:-}" ]; then
  pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  as_pg=()
  if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); chown postgres: "$work"; fi
  pgdata="$work/data"
  port=$(( 20000 + RANDOM % 20000 ))
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -l "$work/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
dotnet build src/UsmpCare.Web -c Release -nologo -v q >/dev/null
dotnet run -c Release --project bench/UsmpCare.Bench -- movements "$lines" "$work/movements.csv"
app=(dotnet src/UsmpCare.Web/bin/Release/net10.0/UsmpCare.Web.dll)
"${app[@]}" migrate >/dev/null
"${app[@]}" seed-demo >/dev/null
echo "== first import ($lines lines) =="
/usr/bin/time -f "wall %e s, max RSS %M KB" "${app[@]}" import-movements "$work/movements.csv" --unit MA-VIL --by bench | head -n 20
echo "== second import (same file) =="
/usr/bin/time -f "wall %e s, max RSS %M KB" "${app[@]}" import-movements "$work/movements.csv" --unit MA-VIL --by bench | head -n 20
