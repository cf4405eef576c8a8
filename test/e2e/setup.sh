#!/usr/bin/env bash
# Installs what the real-editor tests need, once, outside the repository:
#   - Debian packages: chromium (the browser Playwright drives), an emoji font (the ✅ of hovers
#     in screenshots), neovim and emacs-nox + elpa-eglot (two more LSP clients), zip
#     (prove-failure.sh breaks a copy of the .vsix), ripgrep (seeds code-server's ripgrep
#     download), libkrb5-dev + pkg-config + a C++ toolchain (code-server's native modules are
#     built from source: their prebuilt binaries live on hosts we cannot reach);
#   - code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20);
#   - playwright-core (drives the Debian chromium; downloads no browser).
# Idempotent: every step checks first and does nothing when its result is already there.
# Cache: ${AWS_PATTERNS_E2E_CACHE:-$HOME/.cache/aws-patterns-e2e}. Why each workaround exists:
# see shared/notes/real-editors.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall fetches this release tag.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_TAG=v13.0.0-10

cache="${AWS_PATTERNS_E2E_CACHE:-$HOME/.cache/aws-patterns-e2e}"
mkdir -p "$cache"
started=$(date +%s)
log() { printf '[e2e setup] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
apt_packages=(chromium fonts-noto-color-emoji neovim emacs-nox elpa-eglot ripgrep zip libkrb5-dev pkg-config g++ make python3)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# --- code-server -----------------------------------------------------------------------------
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"
if [ -x "$cs_dir/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server $CODE_SERVER_VERSION (builds native modules; about a minute)"
  partial="$cs_dir.partial"
  rm -rf "$partial" && mkdir -p "$partial/tmp" "$partial/rg"
  # @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks in this cache.
  rg_cache="$partial/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$rg_cache" && cp "$(command -v rg)" "$partial/rg/rg"
  tar czf "$rg_cache/ripgrep-$RIPGREP_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$partial/rg" rg
  printf '{"name":"aws-patterns-e2e-code-server","private":true}\n' > "$partial/package.json"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`; unsafe_perm: its postinstall
  # refuses to run as root otherwise; nodedir: build against Debian's Node headers, offline.
  nodedir=()
  [ -f /usr/include/node/node.h ] && nodedir=(npm_config_nodedir=/usr)
  if ! (cd "$partial" && env TMPDIR="$partial/tmp" npm_config_yes=true npm_config_unsafe_perm=true "${nodedir[@]}" \
        npm install --no-audit --no-fund --unsafe-perm --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
        > "$partial/install.log" 2>&1); then
    tail -40 "$partial/install.log"; log "code-server install failed (full log: $partial/install.log)"; exit 1
  fi
  rm -rf "$partial/tmp" "$partial/rg" "$cs_dir" && mv "$partial" "$cs_dir"
fi

# --- playwright-core -------------------------------------------------------------------------
pw_dir="$cache/playwright-core-$PLAYWRIGHT_VERSION"
if [ -f "$pw_dir/node_modules/playwright-core/package.json" ]; then
  log "playwright-core $PLAYWRIGHT_VERSION present"
else
  log "installing playwright-core $PLAYWRIGHT_VERSION"
  rm -rf "$pw_dir.partial" && mkdir -p "$pw_dir.partial"
  printf '{"name":"aws-patterns-e2e-playwright","private":true}\n' > "$pw_dir.partial/package.json"
  (cd "$pw_dir.partial" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION")
  rm -rf "$pw_dir" && mv "$pw_dir.partial" "$pw_dir"
fi

log "ready in $(( $(date +%s) - started )) s: cache $cache"
