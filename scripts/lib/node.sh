# Node 24 and the npm packages. Sourced by scripts/lib.sh.

# Installs Node 24 from the npm registry's `node` package into .tools/node (no
# other download route exists on our machines): a self-contained binary, which is
# also what the local Node base image is made of (scripts/build-node-image.sh).
install_node_package() {
  local want dir="$ROOT/.tools/node"
  want="$(cat "$ROOT/.nvmrc")"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    log "installing Node $want from the npm registry into .tools/node"
    npm install --silent --no-save --prefix "$dir" "node@$want" >&2
  fi
}

# Puts a Node 24 on PATH: the machine's own if it is 24, otherwise the one
# install_node_package puts in .tools/node.
ensure_node() {
  local want
  want="$(cat "$ROOT/.nvmrc")"
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ]; then
    return 0
  fi
  install_node_package
  local dir="$ROOT/.tools/node"
  export PATH="$dir/node_modules/node/bin:$dir/node_modules/.bin:$PATH"
  [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ] || {
    log "Node $want is not on PATH after install"; return 1; }
}

# npm ci when node_modules was not installed from the current lock file.
ensure_deps() {
  local stamp="$ROOT/node_modules/.lock-sha256" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund >&2)
    echo "$want" >"$stamp"
  fi
}
