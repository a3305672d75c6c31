#!/usr/bin/env bash
# The README's "run the service" command: docker compose runs Elasticsearch, indexes
# corpus/ once it is healthy, then serves the API and search page on
# http://localhost:3000 (API_PORT). Where Docker and the official images are there
# this is `docker compose up --build`; elsewhere it first makes what is missing: a
# Docker-compatible engine (podman), the Elasticsearch and Node base images (built
# locally) and Debian's docker-compose, and it runs podman's healthchecks.
# `--cluster` (first) runs three Elasticsearch nodes instead of one
# (docker-compose.cluster.yml over docker-compose.yml). Extra arguments go to `up`
# (e.g. -d). Elasticsearch runs with security on: on first run this writes .env with random
# passwords (from .env.example; see the README's "Security"). `docker compose down -v` (or
# docker-compose) removes the containers, the network and the Elasticsearch data; for the
# cluster, with COMPOSE_FILE as below, and under podman after `rm -fs es01 es02 es03` (see
# the README).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

cluster=false
if [ "${1:-}" = --cluster ]; then
  shift
  cluster=true
  # Read by docker compose and docker-compose alike; `down` needs the same files.
  export COMPOSE_FILE=docker-compose.yml:docker-compose.cluster.yml
  log "three Elasticsearch nodes (COMPOSE_FILE=$COMPOSE_FILE)"
fi

prepare_compose
# .env: the passwords, made random on first run (docker/security/).
ensure_env
if [ "$cluster" = true ]; then
  # The nodes live in the holder's network namespace: podman will not remove or recreate
  # the holder (a new image) while a node uses it, and docker-compose 1.29 removes
  # containers in no particular order. So the nodes go first, then the rest; the data
  # volumes stay.
  "${COMPOSE[@]}" rm -fs es01 es02 es03 >&2
  "${COMPOSE[@]}" down --remove-orphans >&2
fi
start_podman_healthchecks
trap stop_podman_healthchecks EXIT
"${COMPOSE[@]}" up --build "$@"
