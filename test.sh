#!/usr/bin/env bash
# Installs what it lacks (scripts/prereqs.sh), builds and runs every test project. Integration tests start their own
# throwaway PostgreSQL cluster (or use USMP_TEST_PG). Ends with one line: "N passed, N failed" (", N skipped" if any);
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# PostgreSQL and Chromium, installed with apt-get when root; otherwise stop at once with the command to run.
source scripts/prereqs.sh
if ! usmp_prerequisites; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=TestResults
rm -rf "$results"
# Browser tests drive Debian's Chromium (never a downloaded one); their screenshots are kept as artefacts.
export USMP_E2E_ARTEFACTS="$PWD/$results/e2e"

if ! dotnet build UsmpCare.sln -c Release -nologo -v q; then
  echo "La compilation a échoué."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test UsmpCare.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  e=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*')
  # A skipped xunit test counts in total, not in executed (the trx's notExecuted stays 0).
  t=$(echo "$counters" | grep -o ' total="[0-9]*"' | grep -o '[0-9]*')
  x=$(echo "$counters" | grep -o ' executed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failed test (a crashed test host, a missing result file): count it as a failure.
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
