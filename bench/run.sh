#!/usr/bin/env bash
# Runs one bench (index, search or relevance) the way scripts/test.sh runs the tests: installs
# what is missing (Node 24, npm packages, a container engine, the Elasticsearch image), then
# the bench itself, which starts and removes its own Elasticsearch and API.
#   bench/run.sh index [--sizes 10000,100000,all] [...]   (bench/run.sh index --help for flags)
#   ES_URL=http://host:9200 bench/run.sh search             uses an existing cluster instead
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

bench="${1:-}"
case "$bench" in
  index | search | relevance | size | suggest | fragments) shift ;;
  *) echo "usage: bench/run.sh index|search|relevance|size|suggest|fragments [flags]" >&2; exit 2 ;;
esac

remove_bench_containers() {
  local ids
  ids=$(docker ps -aq --filter "label=cjk-news-search.bench-run" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
}

ensure_node
ensure_deps
if [ -z "${ES_URL:-}" ]; then
  DOCKER_HOST="$("$ROOT/scripts/container-engine.sh")"
  export DOCKER_HOST
  # As in scripts/test.sh: Ryuk cannot be pulled everywhere; the trap cleans up instead.
  export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
  export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
  choose_es_image
  remove_bench_containers
  trap remove_bench_containers EXIT
fi
# The API runs from its build, as `npm start` runs it.
npm run -s build
node --require ts-node/register/transpile-only "bench/$bench.ts" "$@"
