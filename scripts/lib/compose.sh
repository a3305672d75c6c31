# What docker-compose.yml needs on this machine. Sourced by scripts/lib.sh.

# The compose command: `docker compose` (v2) where the CLI has it, else Debian's
# docker-compose 1.29 (installed when missing). Sets the array COMPOSE.
choose_compose() {
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
    return 0
  fi
  if ! command -v docker-compose >/dev/null 2>&1; then
    log "installing Debian's docker-compose"
    apt_install docker-compose
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
