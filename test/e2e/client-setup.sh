# Shared start of the third-party LSP client runs (sourced by nvim/run.sh and emacs/run.sh).
# Before sourcing, set: NAME (e.g. nvim), TOOL (the command), LABEL (e.g. Neovim), INSTALL (apt hint).
# Sets ROOT, JFP_LSP_CMD, T (a temporary folder removed on exit) and PIDFILE, and on exit ends
# the language server the run started if the editor did not.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v "$TOOL" >/dev/null 2>&1; then
  echo "test:$NAME: FAILED: $TOOL is not installed (run: bash test/e2e/install.sh, or apt-get install -y $INSTALL)" >&2
  exit 2
fi
if [ -z "${JFP_LSP_CMD:-}" ]; then
  if [ ! -f "$ROOT/dist/server.cjs" ]; then
    echo "test:$NAME: FAILED: $ROOT/dist/server.cjs not found; build first (npx tsc -b && node scripts/bundle.mjs)" >&2
    exit 2
  fi
  JFP_LSP_CMD="node $ROOT/dist/server.cjs --stdio"
fi

T="$(mktemp -d "${TMPDIR:-/tmp}/jfp-$NAME-e2e.XXXXXX")"
PIDFILE="$T/server.pid"
cleanup() {
  # End the server this run started, if the editor did not (by its pid only).
  if [ -s "$PIDFILE" ]; then
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
      echo "test:$NAME: server $pid still running after $LABEL exited; ending it" >&2
      kill "$pid" 2>/dev/null || true
    fi
  fi
  if [ "${JFP_E2E_KEEP:-}" = "1" ]; then echo "test:$NAME: kept $T" >&2; else rm -rf "$T"; fi
}
trap cleanup EXIT
