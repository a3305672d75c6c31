# Shared by the scripts: the repo root, the pinned versions, and Node 24 on PATH.
# Source it; it defines functions and exports variables, it runs nothing heavy.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# .env holds the one pinned Elasticsearch version (also read by docker compose).
set -a
# shellcheck source=../.env
. "$ROOT/.env"
set +a
export ES_LOCAL_IMAGE="localhost/elasticsearch:${ES_VERSION}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Puts a Node 24 on PATH: the machine's own if it is 24, otherwise one installed
# from the npm registry's `node` package into .tools/node (no other download
# route exists on our machines).
ensure_node() {
  local want
  want="$(cat "$ROOT/.nvmrc")"
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ]; then
    return 0
  fi
  local dir="$ROOT/.tools/node"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    log "installing Node $want from the npm registry into .tools/node"
    npm install --silent --no-save --prefix "$dir" "node@$want" >&2
  fi
  export PATH="$dir/node_modules/node/bin:$dir/node_modules/.bin:$PATH"
  [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ] || {
    log "Node $want is not on PATH after install"; return 1; }
}

# Runs a step, printing how long it took.
timed() {
  local name="$1"; shift
  local start=$SECONDS
  log "step: $name"
  "$@"
  local rc=$?
  log "step: $name took $((SECONDS - start)) s (exit $rc)"
  return $rc
}

# Chooses the Elasticsearch image: ES_IMAGE when set; else the official image
# when the engine can pull it; else the locally built one (built if missing).
# Needs DOCKER_HOST to point at an engine.
choose_es_image() {
  if [ -n "${ES_IMAGE:-}" ]; then
    :
  elif timeout 60 docker pull -q "docker.elastic.co/elasticsearch/elasticsearch:$ES_VERSION" >/dev/null 2>&1; then
    ES_IMAGE="docker.elastic.co/elasticsearch/elasticsearch:$ES_VERSION"
  else
    log "the official Elasticsearch image cannot be pulled here: using $ES_LOCAL_IMAGE"
    ES_IMAGE="$ES_LOCAL_IMAGE"
  fi
  if [ "$ES_IMAGE" = "$ES_LOCAL_IMAGE" ]; then
    "$ROOT/scripts/build-es-image.sh"
  fi
  export ES_IMAGE
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

# Removes containers that test runs left behind (an interrupted run, a killed jest).
remove_test_containers() {
  local ids
  ids=$(docker ps -aq --filter "label=cjk-news-search.test-run" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
}
