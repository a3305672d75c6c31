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

# Sets the variable named $1 to an image and exports it: its own value when set;
# else $2, the official image, when the engine can pull it; else $3, the locally
# built one, made (or found up to date) by the script $4. Needs DOCKER_HOST.
choose_image() {
  local var=$1 official=$2 local_image=$3 build=$4
  local image=${!var:-}
  if [ -z "$image" ]; then
    if timeout 60 docker pull -q "$official" >/dev/null 2>&1; then
      image=$official
    else
      log "$official cannot be pulled here: using $local_image"
      image=$local_image
    fi
  fi
  if [ "$image" = "$local_image" ]; then
    "$build"
  fi
  export "$var=$image"
}

choose_es_image() {
  choose_image ES_IMAGE "docker.elastic.co/elasticsearch/elasticsearch:$ES_VERSION" \
    "$ES_LOCAL_IMAGE" "$ROOT/scripts/build-es-image.sh"
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

# The API's Node base image, chosen like the Elasticsearch one.
choose_node_image() {
  choose_image NODE_IMAGE "$NODE_OFFICIAL_IMAGE" "$NODE_LOCAL_IMAGE" "$ROOT/scripts/build-node-image.sh"
}

# The compose command: `docker compose` (v2) where the CLI has it, else Debian's
# docker-compose 1.29 (installed when missing). Sets the array COMPOSE.
choose_compose() {
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
    return 0
  fi
  if ! command -v docker-compose >/dev/null 2>&1; then
    log "installing Debian's docker-compose"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >&2
  fi
  COMPOSE=(docker-compose)
}

# Everything docker-compose.yml needs on this machine: an engine, the Elasticsearch
# and Node base images (the official ones when they can be pulled, else built here)
# and a compose command. Exports DOCKER_HOST, ES_IMAGE_REPOSITORY and NODE_IMAGE;
# sets COMPOSE.
prepare_compose() {
  DOCKER_HOST="$("$ROOT/scripts/container-engine.sh")"
  export DOCKER_HOST
  if [ -n "${ES_IMAGE_REPOSITORY:-}" ] && [ -z "${ES_IMAGE:-}" ]; then
    ES_IMAGE="$ES_IMAGE_REPOSITORY:$ES_VERSION"
  fi
  choose_es_image
  # compose takes the version from .env: only the repository can be chosen.
  if [ "${ES_IMAGE%:"$ES_VERSION"}" = "$ES_IMAGE" ]; then
    log "ES_IMAGE=$ES_IMAGE is not tagged with ES_VERSION=$ES_VERSION (.env)"
    return 1
  fi
  export ES_IMAGE_REPOSITORY="${ES_IMAGE%:"$ES_VERSION"}"
  choose_node_image
  choose_compose
}

# Podman runs healthchecks from systemd timers; where systemd is not running (our
# machines, CI) they never run, and compose would wait for "healthy" forever. This
# runs the checks of the running containers every 2 s in the background until
# stop_podman_healthchecks. Nothing to do on Docker or where systemd runs.
start_podman_healthchecks() {
  HEALTHCHECKS_PID=
  [[ ${DOCKER_HOST:-} == *podman* ]] && [ ! -d /run/systemd/system ] || return 0
  (
    while sleep 2; do
      for id in $(podman ps -q --filter health=starting --filter health=healthy --filter health=unhealthy); do
        podman healthcheck run "$id" >/dev/null 2>&1 || true
      done
    done
  ) &
  HEALTHCHECKS_PID=$!
}

stop_podman_healthchecks() {
  [ -z "${HEALTHCHECKS_PID:-}" ] || kill "$HEALTHCHECKS_PID" 2>/dev/null || true
  HEALTHCHECKS_PID=
}

# Debian's Chromium, which the browser test drives with playwright-core (a test tool's
# own browser download does not work on our machines), and a small Chinese font so that
# its screenshots show text rather than empty boxes. Installed when missing.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -n "$(fc-list :lang=zh 2>/dev/null)" ] && return 0
  log "installing Debian's chromium and a Chinese font"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >&2
}
