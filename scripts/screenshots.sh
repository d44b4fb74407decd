#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the current app over a throwaway database with
# the demo data: the browser test class ScreenshotTests (Category=Screenshots), run alone with USMP_SCREENSHOTS_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/prereqs.sh
usmp_prerequisites
export USMP_SCREENSHOTS_DIR="$PWD/docs/screenshots" USMP_E2E_ARTEFACTS="$PWD/TestResults/e2e"
dotnet build tests/UsmpCare.EndToEnd.Tests -c Release -nologo -v q
dotnet test tests/UsmpCare.EndToEnd.Tests -c Release --no-build --nologo --filter "Category=Screenshots"
echo "Captures d'écran écrites dans docs/screenshots/ : vérifiez-les avant de les committer."
