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

# The Debian base of the locally built images (debootstrap minbase: bash, coreutils,
# no curl, no CA certificates). Needs root and podman.
DEBIAN_BASE_IMAGE=localhost/debian-base:bookworm
ensure_debian_base() {
  podman image exists "$DEBIAN_BASE_IMAGE" && return 0
  command -v debootstrap >/dev/null || { apt-get update -qq >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2; }
  local rootfs
  rootfs="$(mktemp -d)"
  log "building $DEBIAN_BASE_IMAGE with debootstrap"
  debootstrap --variant=minbase bookworm "$rootfs" >&2
  tar -C "$rootfs" -c . | podman import - "$DEBIAN_BASE_IMAGE" >&2
  rm -rf "$rootfs"
}

# The Node base image of the API: the official one, or where it cannot be pulled one
# built by scripts/build-node-image.sh with the same user (node, uid 1000) and layout.
NODE_OFFICIAL_IMAGE="docker.io/library/node:$(cat "$ROOT/.nvmrc")-bookworm-slim"
NODE_LOCAL_IMAGE="localhost/node:$(cat "$ROOT/.nvmrc")"

# Chooses the API's Node base image like choose_es_image: NODE_IMAGE when set; else
# the official image when the engine can pull it; else the local one (built if
# missing or stale). Needs DOCKER_HOST to point at an engine.
choose_node_image() {
  if [ -n "${NODE_IMAGE:-}" ]; then
    :
  elif timeout 60 docker pull -q "$NODE_OFFICIAL_IMAGE" >/dev/null 2>&1; then
    NODE_IMAGE="$NODE_OFFICIAL_IMAGE"
  else
    log "the official Node image cannot be pulled here: using $NODE_LOCAL_IMAGE"
    NODE_IMAGE="$NODE_LOCAL_IMAGE"
  fi
  if [ "$NODE_IMAGE" = "$NODE_LOCAL_IMAGE" ]; then
    "$ROOT/scripts/build-node-image.sh"
  fi
  export NODE_IMAGE
}
