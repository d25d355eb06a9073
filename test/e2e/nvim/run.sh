#!/usr/bin/env bash
# Third-party LSP client test: headless Neovim (0.7+, Debian's `neovim`) talks to the jfp-assist
# language server over stdio and checks diagnostics, hover, didChange, completion and quick fixes.
#
#   bash test/e2e/nvim/run.sh          (npm run test:nvim; needs a build: npx tsc -b && node scripts/bundle.mjs)
#
# Env: JFP_LSP_CMD (default "node <repo>/dist/server.cjs --stdio"), JFP_E2E_TIMEOUT (ms per wait, default 10000),
#      JFP_E2E_RUN_TIMEOUT (s for the whole nvim run, default 120), JFP_E2E_KEEP=1 keeps the temp dir.
# Everything nvim writes (XDG dirs, lsp.log, TMPDIR) goes to a temp dir that is deleted at the end.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
NAME=nvim TOOL=nvim LABEL=nvim INSTALL="neovim"
# shellcheck source=../client-setup.sh
source "$HERE/../client-setup.sh"

# The draft alone in the workspace folder (the server reads every plan file of a folder as one plan);
# the complete example outside it, so that it is a plan of its own. Only copies are opened, never saved.
mkdir -p "$T/ws" "$T/example" "$T/config" "$T/data" "$T/state" "$T/cache" "$T/runtime" "$T/tmp"
chmod 700 "$T/runtime"
# Every nvim started from here on (even the version check) writes only inside $T (nvim 0.7 writes
# $XDG_CACHE_HOME/nvim/log and lsp.log otherwise).
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state" XDG_CACHE_HOME="$T/cache" \
  XDG_RUNTIME_DIR="$T/runtime" TMPDIR="$T/tmp"
if ! nvim --headless -u NONE -i NONE -n -c 'if has("nvim-0.7") | qa! | else | cquit 1 | endif' >/dev/null 2>&1 </dev/null; then
  echo "test:nvim: FAILED: Neovim 0.7 or later is needed, found: $(nvim --version | head -1)" >&2
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
  nvim --headless -u NONE -i NONE -n -c "luafile $HERE/check.lua" </dev/null | tee "$T/out.txt"
rc=${PIPESTATUS[0]}
set -e

# check.lua always ends with the summary line; if it did not get there (timeout, crash), say so and add one.
if ! tail -1 "$T/out.txt" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
  if [ "$rc" = "124" ] || [ "$rc" = "137" ]; then
    echo "FAIL nvim timed out after ${JFP_E2E_RUN_TIMEOUT:-120} s"
  else
    echo "FAIL nvim exited with code $rc before printing a summary"
  fi
  for f in "$T/state/nvim/lsp.log" "$T/cache/nvim/lsp.log"; do
    if [ -f "$f" ]; then echo "--- tail of $f" >&2; tail -20 "$f" >&2; fi
  done
  echo "$(count '^ok ') passed, $(( $(count '^FAIL ') + 1 )) failed"
  [ "$rc" = "0" ] && rc=1
fi
exit "$rc"
