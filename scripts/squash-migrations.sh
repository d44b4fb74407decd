#!/usr/bin/env bash
# Squashes src/UsmpCare.Web/Data/Migrations into one migration, Baseline, generated from the current model, and
# re-attaches the SQL EF Core cannot generate (Data/Migrations/Sql/*.sql, applied through BaselineSql). Only while
# nothing is deployed: migrate refuses a database migrated by the replaced chain (docs/operations.md).
#   1. the schema the current chain builds becomes the snapshot (BaselineTests, USMP_UPDATE_SCHEMA_SNAPSHOT=1);
#   2. a migration that runs its own SQL stops the script: move that SQL into Data/Migrations/Sql/NN-name.sql, with
#      its WHY comment (data fix-ups are not needed: the baseline starts empty), then run this script with --continue;
#   3. the migrations are replaced by Baseline, with BaselineSql's three calls inserted;
#   4. BaselineTests checks that the baseline builds exactly the snapshot and that the model has no pending change.
# Usage: scripts/squash-migrations.sh [--continue]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=src/UsmpCare.Web/Data/Migrations
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
run_baseline_tests() {
  dotnet build tests/UsmpCare.Web.Tests/UsmpCare.Web.Tests.csproj -c Release -nologo -v q
  dotnet test tests/UsmpCare.Web.Tests -c Release --no-build --filter "FullyQualifiedName~Data.BaselineTests"
}

if [ "${1:-}" != --continue ]; then
  echo "1. Instantané du schéma construit par les migrations actuelles…"
  USMP_UPDATE_SCHEMA_SNAPSHOT=1 run_baseline_tests
  own_sql=$(grep -l 'migrationBuilder\.Sql(' "$dir"/*.cs | grep -v '\.Designer\.cs$' || true)
  if [ -n "$own_sql" ]; then
    echo "2. Ces migrations exécutent leur propre SQL :" >&2
    echo "$own_sql" | sed 's/^/     /' >&2
    echo "   Déplacez ce SQL (schéma seulement, avec son commentaire) dans $dir/Sql/NN-nom.sql, puis : $0 --continue" >&2
    exit 2
  fi
fi

echo "3. Remplacement des migrations par Baseline…"
dotnet tool restore >/dev/null
find "$dir" -maxdepth 1 -name '*.cs' ! -name BaselineSql.cs -delete
# The DbContext needs a connection string at design time; nothing connects to it.
ConnectionStrings__Default="Host=localhost;Database=design_time" \
  dotnet ef migrations add Baseline --project src/UsmpCare.Web --output-dir Data/Migrations --configuration Release
baseline=$(ls "$dir"/*_Baseline.cs)
# BaselineSql's calls: before the first table, at the end of Up, at the end of Down (EF's generated layout).
perl -0pi -e '
  s/(\n            migrationBuilder\.CreateTable\()/\n            BaselineSql.BeforeTables(migrationBuilder);\n$1/ or die "no CreateTable\n";
  s/(\n        \}\n\n        \/\/\/ <inheritdoc \/>\n        protected override void Down)/\n\n            BaselineSql.AfterTables(migrationBuilder);$1/ or die "no end of Up\n";
  s/(\n        \}\n    \}\n\}\s*)$/\n\n            BaselineSql.AfterDown(migrationBuilder);$1/ or die "no end of Down\n";
' "$baseline"

echo "4. Vérification : la base construite par Baseline est celle de l'instantané…"
run_baseline_tests
wc -l "$dir"/*.cs "$dir"/Sql/*.sql | tail -n 1
echo "Fait : vérifiez git diff, puis committez $dir et tests/UsmpCare.Web.Tests/Data/schema.snapshot.txt."
