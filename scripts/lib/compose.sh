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
  # compose takes the version from .env (a copy of .env.example's): only the repository can be chosen.
  if [ "${ES_IMAGE%:"$ES_VERSION"}" = "$ES_IMAGE" ]; then
    log "ES_IMAGE=$ES_IMAGE is not tagged with ES_VERSION=$ES_VERSION (.env.example)"
    return 1
  fi
  export ES_IMAGE_REPOSITORY="${ES_IMAGE%:"$ES_VERSION"}"
  choose_node_image
  choose_compose
}

# The deployment's passwords (docker/security/): .env, which compose reads and git ignores,
# made from .env.example on first run with a random value for every empty password. On later
# runs its passwords stay; ES_VERSION is copied from .env.example again (the pin lives there),
# and a password .env.example gained since is added.
ensure_env() {
  local env="$ROOT/.env" example="$ROOT/.env.example" line key value
  local out=("# Made by scripts/serve.sh from .env.example, the text below; git ignores this file.")
  local created=false
  [ -f "$env" ] || created=true
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ ^([A-Z0-9_]+)=(.*)$ ]]; then
      key=${BASH_REMATCH[1]}
      value=${BASH_REMATCH[2]}
      if [ "$key" != ES_VERSION ] && [ -f "$env" ] && grep -q "^$key=" "$env"; then
        line=$(grep "^$key=" "$env" | tail -n 1)
      elif [[ $key == *PASSWORD && -z $value ]]; then
        # 24 characters of [A-Za-z0-9_-]: nothing compose or a shell would expand.
        line="$key=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
      fi
    fi
    out+=("$line")
  done <"$example"
  # Lines of .env that .env.example does not have (API_PORT, ES_HEAP...) stay.
  if [ -f "$env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      [[ $line =~ ^([A-Z0-9_]+)= ]] || continue
      grep -q "^${BASH_REMATCH[1]}=" "$example" || out+=("$line")
    done <"$env"
  fi
  (umask 077 && printf '%s\n' "${out[@]}" >"$env.tmp") && mv "$env.tmp" "$env"
  [ "$created" = false ] || log "wrote .env with random passwords (git ignores it; a change there takes effect on the next up)"
}
