#!/usr/bin/env bash
# The whole scale benchmark in one command (issue #9, docs/performance.md):
#   bench/scale.sh [scale] [clients] [seconds] [pages|rounds]
# builds in Release, starts a throwaway PostgreSQL 15 cluster in /tmp (durable settings: fsync and synchronous_commit
# on), creates the database with the app's own `migrate` and `seed-demo`, fills it with the generator at the given
# scale (default 0.1), runs the page benchmark, verifies the audit chain, and stops the cluster. Set USMP_BENCH_PG to a
# superuser connection string to use an existing server instead of a throwaway cluster.
# On a shared machine: flock /tmp/usmp-build.lock bench/scale.sh 0.1
# « rounds » runs the distribution-round benchmark (issue #20) instead of the page benchmark: 40 patients of one wing
# recorded dose by dose through the round page, then the round list's p95 (bench/UsmpCare.Bench/Rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-0.1}
clients=${2:-8}
seconds=${3:-20}
what=${4:-pages}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build UsmpCare.sln -c Release -nologo -v q >/dev/null
app=(dotnet "$PWD/src/UsmpCare.Web/bin/Release/net10.0/UsmpCare.Web.dll")
bench=(dotnet "$PWD/bench/UsmpCare.Bench/bin/Release/net10.0/UsmpCare.Bench.dll")

if [ -n "${USMP_BENCH_PG:-}" ]; then
  admin=$USMP_BENCH_PG
else
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  dir=$(mktemp -d /tmp/usmp-scale-XXXXXX)
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; as_pg=(runuser -u postgres --); fi
  port=56432
  while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  (cd /tmp && "${as_pg[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  # Sized for this 2-core, 24 GiB machine; durability settings left at their defaults.
  (cd /tmp && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" -o "-p $port -c listen_addresses=127.0.0.1 \
    -k $dir -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=1GB \
    -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_connections=200 -c random_page_cost=1.1" start >/dev/null)
  trap '(cd /tmp && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null); rm -rf "$dir"' EXIT
  admin="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
db="usmp_scale"
cs="${admin/Database=postgres/Database=$db}"
psql_admin() { dotnet "${bench[1]}" sql --connection "$admin" --command "$1"; }
psql_admin "DROP DATABASE IF EXISTS $db"
psql_admin "CREATE DATABASE $db"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), PostgreSQL $(psql_admin 'SHOW server_version')"
export ConnectionStrings__Default="$cs" ASPNETCORE_ENVIRONMENT=Development
export Audit__Key=${Audit__Key:-usmpcare-scale-benchmark-audit-key-0001}
start=$(date +%s)
"${app[@]}" migrate
"${app[@]}" seed-demo
echo "== migrate + seed-demo: $(( $(date +%s) - start )) s"
"${bench[@]}" generate --connection "$cs" --scale "$scale"
psql_admin "SELECT pg_size_pretty(pg_database_size('$db')) AS database_size"
if [ "$what" = rounds ]; then
  "${bench[@]}" rounds --connection "$cs" --patients 40 --samples 200
else
  "${bench[@]}" pages --connection "$cs" --clients "$clients" --seconds "$seconds"
fi
start=$(date +%s)
"${app[@]}" verify-audit
echo "== verify-audit: $(( $(date +%s) - start )) s"
