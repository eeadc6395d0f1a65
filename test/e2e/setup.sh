#!/usr/bin/env bash
# Installs what the end-to-end tests need into a cache outside the checkout, so that a fresh clone
# (CI) on the same machine reuses it and a fresh machine installs it once:
#   Node 24 (code-server 4.139.1 requires it), Debian's Chromium and libkrb5-dev, code-server 4.139.1.
# Each step is skipped when its result is already there; a step that fails midway leaves no stamp,
# so the next run redoes it. Writes "$CACHE/paths.env" for the test to read.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE="${POLICY_ANNOTATOR_E2E_CACHE:-${HOME:-/root}/.cache/policy-annotator-e2e}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"

log() { printf '[e2e setup] %s\n' "$*" >&2; }

mkdir -p "$CACHE"
# Two runs at once (a developer and CI) must not install into the same folder together.
exec 9>"$CACHE/.lock"
flock 9

# Runs npm in a cache folder, once more after a failure (a registry hiccup should not fail CI).
cache_npm() {
  local dir="$1"
  shift
  (cd "$dir" && npm --no-audit --no-fund --loglevel=error "$@") && return
  log "npm $* failed in $dir; retrying once"
  (cd "$dir" && npm --no-audit --no-fund --loglevel=error "$@")
}

install_node() {
  if [[ -f "$NODE_DIR/.installed" ]] && "$NODE_BIN" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
    log "Node $("$NODE_BIN" --version) present"
    return
  fi
  log "installing Node $NODE_MAJOR from the npm registry into $NODE_DIR"
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  # The node package fetches its platform binary in an install script, which npm runs only when allowed.
  printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$NODE_DIR/package.json"
  cache_npm "$NODE_DIR" install "node@$NODE_MAJOR"
  "$NODE_BIN" --version | grep -q "^v$NODE_MAJOR\." || { log "Node $NODE_MAJOR did not install"; exit 1; }
  touch "$NODE_DIR/.installed"
}

node_headers_dir() {
  local inc
  inc="$(find "$NODE_DIR/node_modules" -path '*/include/node/node_version.h' -print -quit)"
  [[ -n "$inc" ]] || { log "Node headers not found under $NODE_DIR"; exit 1; }
  dirname "$(dirname "$(dirname "$inc")")"
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  if ((${#missing[@]} == 0)); then
    log "chromium and libkrb5-dev present"
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_code_server() {
  local entry="$CS_DIR/node_modules/code-server/out/node/entry.js"
  if [[ -f "$CS_DIR/.installed" && -f "$entry" ]]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (builds native modules; a few minutes)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  printf '{ "private": true, "allowScripts": { "code-server": true } }\n' >"$CS_DIR/package.json"
  # Native modules must build against Node 24's headers, with Node 24 running npm's scripts.
  PATH="$(dirname "$NODE_BIN"):$PATH" npm_config_nodedir="$(node_headers_dir)" \
    cache_npm "$CS_DIR" install "code-server@$CODE_SERVER_VERSION"
  [[ -f "$entry" ]] || { log "code-server did not install ($entry missing)"; exit 1; }
  touch "$CS_DIR/.installed"
}

install_node
install_debian_packages
install_code_server

cat >"$CACHE/paths.env" <<PATHS
E2E_NODE=$NODE_BIN
E2E_CODE_SERVER=$CS_DIR/node_modules/code-server/out/node/entry.js
E2E_CHROMIUM=$(command -v chromium)
PATHS
log "ready: $CACHE/paths.env"
