# Sourced by test.sh before it builds anything: usmp_prerequisites installs the Debian packages the test suite needs
# when their files are missing (PostgreSQL server binaries, Chromium and its French, qpdf, poppler), as root with apt-get; otherwise it prints the
# one command to run and returns 1.
# USMP_PREREQS_ROOT (default: none, i.e. /) is the file system the checks look at; only this script's test sets it.

# The packages whose files the tests need and cannot find, on one line (empty when nothing is missing).
usmp_missing_packages() {
  local root=${USMP_PREREQS_ROOT:-} missing=()
  # The tests start their own cluster from /usr/lib/postgresql/<version>/bin, unless USMP_TEST_PG names a server.
  if [ -z "${USMP_TEST_PG:-}" ] && ! compgen -G "$root/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    missing+=(postgresql postgresql-contrib)
  fi
  # Debian's Chromium, never a browser downloaded by Playwright (USMP_CHROMIUM points elsewhere), with its French
  # resources: without them it draws date inputs mm/dd/yyyy whatever language it is asked for.
  if [ -z "${USMP_CHROMIUM:-}" ]; then
    [ -x "$root/usr/bin/chromium" ] || missing+=(chromium)
    [ -f "$root/usr/lib/chromium/locales/fr.pak" ] || missing+=(chromium-l10n)
  fi
  # The PDF tests check every issued document with qpdf --check, from outside PDFsharp.
  [ -x "$root/usr/bin/qpdf" ] || missing+=(qpdf)
  # … and draw them with poppler, whose FreeType reads every glyph of the fonts we rebuild (TrueTypeSubset).
  [ -x "$root/usr/bin/pdftoppm" ] || missing+=(poppler-utils)
  echo "${missing[*]}"
}

usmp_prerequisites() {
  if [ -n "${USMP_CHROMIUM:-}" ] && [ ! -x "$USMP_CHROMIUM" ]; then
    echo "USMP_CHROMIUM désigne $USMP_CHROMIUM, qui n'est pas un exécutable : corrigez-le ou retirez-le." >&2
    return 1
  fi
  local missing
  missing=$(usmp_missing_packages)
  [ -z "$missing" ] && return 0
  local sudo="sudo "
  [ "$(id -u)" = 0 ] && sudo=""
  local command="${sudo}apt-get update && ${sudo}apt-get install -y $missing"
  if [ -n "$sudo" ] || ! command -v apt-get >/dev/null; then
    echo "Il manque $missing pour les tests. Lancez : $command" >&2
    return 1
  fi
  echo "Installation de $missing (apt-get) …"
  # shellcheck disable=SC2086 # one word per package
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing &&
    [ -z "$(usmp_missing_packages)" ]; then
    return 0
  fi
  echo "L'installation de $missing a échoué. Lancez : $command" >&2
  return 1
}
