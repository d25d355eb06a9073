#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently:
#   - Debian packages: chromium (UI tests), neovim, emacs-nox + elpa-eglot (third-party LSP clients),
#     libkrb5-dev and ripgrep (needed to build code-server's native modules offline);
#   - code-server (a real VS Code 1.100.3 workbench, server and Node extension host) from npm,
#     into .e2e/code-server, outside the project's own dependencies.
# Fast when everything is already there. Needs root (or sudo) for apt-get.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CS_VERSION=4.100.3
CS_DIR="${JFP_CODE_SERVER_DIR:-$ROOT/.e2e/code-server}"
PACKAGES=(chromium neovim emacs-nox elpa-eglot libkrb5-dev ripgrep)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo "install.sh: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

installed=""
if [ -f "$CS_DIR/node_modules/code-server/package.json" ]; then
  installed="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"
fi
if [ "$installed" != "$CS_VERSION" ] || [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "install.sh: installing code-server $CS_VERSION into $CS_DIR (about a minute)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR/.tmp/vscode-ripgrep-cache-1.15.11" "$CS_DIR/.tmp/rg"
  # @vscode/ripgrep downloads rg at install time unless its cache already holds it: seed it with Debian's.
  cp "$(command -v rg)" "$CS_DIR/.tmp/rg/rg"
  tar czf "$CS_DIR/.tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CS_DIR/.tmp/rg" rg
  echo '{ "name": "jfp-e2e-code-server", "private": true }' > "$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    TMPDIR="$CS_DIR/.tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1
  ) || { echo "install.sh: code-server install failed; see $CS_DIR/install.log" >&2; tail -30 "$CS_DIR/install.log" >&2; exit 1; }
  rm -rf "$CS_DIR/.tmp"
fi
# Versions from dpkg, not by running the programs: even `nvim --version` writes to ~/.cache.
version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
echo "install.sh: ready (code-server $CS_VERSION, chromium $(version chromium), neovim $(version neovim), emacs $(version emacs-nox), eglot $(version elpa-eglot))"
