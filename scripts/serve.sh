#!/usr/bin/env bash
# The README's "run the service" command: docker compose runs Elasticsearch, indexes
# corpus/ once it is healthy, then serves the API and search page on
# http://localhost:3000 (API_PORT). Where Docker and the official images are there
# this is `docker compose up --build`; elsewhere it first makes what is missing: a
# Docker-compatible engine (podman), the Elasticsearch and Node base images (built
# locally) and Debian's docker-compose, and it runs podman's healthchecks.
# `--cluster` (first) runs three Elasticsearch nodes instead of one
# (docker-compose.cluster.yml over docker-compose.yml). Extra arguments go to `up`
# (e.g. -d). `docker compose down -v` (or docker-compose; with the same COMPOSE_FILE for
# the cluster) removes the containers, the network and the Elasticsearch data.
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
if [ "$cluster" = true ]; then
  # The nodes live in the holder's network namespace: when compose must recreate the holder
  # (a new image), podman refuses while the nodes use it. Stop the cluster's containers
  # first; its data volumes stay.
  "${COMPOSE[@]}" down --remove-orphans >&2
fi
start_podman_healthchecks
trap stop_podman_healthchecks EXIT
"${COMPOSE[@]}" up --build "$@"
