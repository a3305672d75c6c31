#!/usr/bin/env bash
# The fault suite, `npm run test:faults [-- a b c d e]` (all five unless some are named):
# installs what is missing as scripts/test.sh does (Node 24, npm packages, a container engine,
# the Elasticsearch image, a compose command for the cluster), builds the indexer and the API,
# runs the scenarios against real containers and removes every container it started, on
# Ctrl-C too. FAULTS_PROJECT names the containers and compose projects (default
# cjk-faults-<pid>); FAULTS_DOCS sets the corpus size (20000).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"

export FAULTS_PROJECT="${FAULTS_PROJECT:-cjk-faults-$$}"

ensure_node
ensure_deps
prepare_compose
# The passwords the cluster's security set-up reads (docker-compose.yml), as serve.sh makes them.
ensure_env
export FAULTS_COMPOSE="${COMPOSE[*]}"

cleanup() {
  local ids
  # The nodes before the holder of their network namespace (podman refuses the other order).
  export COMPOSE_PROJECT_NAME="$FAULTS_PROJECT-cluster" COMPOSE_FILE=docker-compose.yml:docker-compose.cluster.yml
  "${COMPOSE[@]}" rm -fsv es01 es02 es03 >/dev/null 2>&1 || true
  "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  ids=$(docker ps -aq --filter "name=^$FAULTS_PROJECT-" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f -v $ids >/dev/null 2>&1 || true
}
trap cleanup EXIT

npm run -s build
node --require ts-node/register/transpile-only tests/faults/main.ts "$@"
