#!/usr/bin/env bash
# The README's "run the service" command: docker compose runs Elasticsearch, indexes
# corpus/ once it is healthy, then serves the API and search page on
# http://localhost:3000 (API_PORT). Where Docker and the official images are there
# this is `docker compose up --build`; elsewhere it first makes what is missing: a
# Docker-compatible engine (podman), the Elasticsearch and Node base images (built
# locally) and Debian's docker-compose, and it runs podman's healthchecks.
# Extra arguments go to `up` (e.g. -d). `docker compose down -v` (or docker-compose)
# removes the containers, the network and the Elasticsearch data.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

prepare_compose
start_podman_healthchecks
trap stop_podman_healthchecks EXIT
"${COMPOSE[@]}" up --build "$@"
