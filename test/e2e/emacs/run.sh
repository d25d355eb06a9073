#!/usr/bin/env bash
# Third-party LSP client test: Emacs (28, Debian's `emacs-nox`) in batch mode with eglot (Debian's
# `elpa-eglot` 1.9) talks to the jfp-assist language server over stdio and checks diagnostics, hover,
# didChange, completion and quick fixes.
#
#   bash test/e2e/emacs/run.sh         (npm run test:emacs; needs a build: npx tsc -b && node scripts/bundle.mjs)
#
# Env: JFP_LSP_CMD (default "node <repo>/dist/server.cjs --stdio"), JFP_E2E_TIMEOUT (ms per wait, default 10000),
#      JFP_E2E_RUN_TIMEOUT (s for the whole Emacs run, default 120), JFP_E2E_KEEP=1 keeps the temp dir.
# HOME, the XDG dirs and TMPDIR point into a temp dir that is deleted at the end.
# Not `emacs -Q`: Debian's site-start is what puts /usr/share/emacs/site-lisp/elpa (eglot) on the load path.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
NAME=emacs TOOL=emacs LABEL=Emacs INSTALL="emacs-nox elpa-eglot"
# shellcheck source=../client-setup.sh
source "$HERE/../client-setup.sh"

# The draft alone in the workspace folder (the server reads every plan file of a folder as one plan);
# the complete example outside it, so that it is a plan of its own. Only copies are opened, never saved.
mkdir -p "$T/ws" "$T/example" "$T/home" "$T/config" "$T/data" "$T/state" "$T/cache" "$T/runtime" "$T/tmp"
chmod 700 "$T/runtime"
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state" \
  XDG_CACHE_HOME="$T/cache" XDG_RUNTIME_DIR="$T/runtime" TMPDIR="$T/tmp"

if ! emacs --batch --eval "(kill-emacs (if (require 'eglot nil t) 0 3))" </dev/null >/dev/null 2>&1; then
  echo "test:emacs: FAILED: eglot is not available to 'emacs --batch' (apt-get install -y elpa-eglot; $(emacs --version | head -1))" >&2
  exit 2  # (the EXIT trap removes $T)
fi
cp "$ROOT/examples/wessex-vale-joint-forward-plan.md" "$T/example/"
cp "$ROOT/test/fixtures/workspace/draft-forward-plan.md" "$T/ws/"
# Each missing item as its own diagnostic (by default they are summed up on the title as jfp.plan.summary).
printf '{ "rules": { "jfp.plan.summary": "off" } }\n' > "$T/ws/.jfp.json"

count() { grep -c "$1" "$T/out.txt" || true; }  # grep -c exits 1 when it counts 0
set +e
env JFP_LSP_CMD="$JFP_LSP_CMD" JFP_E2E_ROOT="$T/ws" JFP_E2E_PIDFILE="$PIDFILE" \
  JFP_E2E_EXAMPLE="$T/example/wessex-vale-joint-forward-plan.md" JFP_E2E_DRAFT="$T/ws/draft-forward-plan.md" \
  timeout -k 5 "${JFP_E2E_RUN_TIMEOUT:-120}" \
  emacs --batch -l "$HERE/check.el" </dev/null >"$T/out.txt" 2>"$T/stderr.txt"
rc=$?
set -e

# check.el ends with the summary line "N passed, M failed". Print its lines; on failure put the tail of
# Emacs's stderr (eglot's messages) before the summary, so that the summary stays the last line.
summary=""
if tail -1 "$T/out.txt" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
  summary="$(tail -1 "$T/out.txt")"
  sed '$d' "$T/out.txt"
else
  cat "$T/out.txt"
  if [ "$rc" = "124" ] || [ "$rc" = "137" ]; then
    echo "FAIL emacs timed out after ${JFP_E2E_RUN_TIMEOUT:-120} s"
  else
    echo "FAIL emacs exited with code $rc before printing a summary"
  fi
  summary="$(count '^ok ') passed, $(( $(count '^FAIL ') + 1 )) failed"
  [ "$rc" = "0" ] && rc=1
fi
if [ "$rc" != "0" ]; then
  echo "--- emacs stderr (last 30 lines):" >&2
  tail -30 "$T/stderr.txt" >&2
fi
echo "$summary"
exit "$rc"
