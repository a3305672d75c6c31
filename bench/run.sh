#!/usr/bin/env bash
# Runs one bench (bench/<name>.ts) the way scripts/test.sh runs the tests: installs
# what is missing (Node 24, npm packages, a container engine, the Elasticsearch image), then
# the bench itself, which starts and removes its own Elasticsearch and API.
#   bench/run.sh index [--sizes 10000,100000,all] [...]   (bench/run.sh index --help for flags)
#   ES_URL=http://host:9200 bench/run.sh search             uses an existing cluster instead
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

bench="${1:-}"
case "$bench" in
  index | search | relevance | size | suggest | fragments | stories | stories-cost | compare) shift ;;
  *) echo "usage: bench/run.sh index|search|relevance|size|suggest|fragments|stories|stories-cost|compare [flags]" >&2; exit 2 ;;
esac

timed node ensure_node
timed deps ensure_deps
use_throwaway_engine "$BENCH_LABEL"
# The API runs from its build, as `npm start` runs it.
npm run -s build
node --require ts-node/register/transpile-only "bench/$bench.ts" "$@"
