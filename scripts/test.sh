#!/usr/bin/env bash
# The test command: installs what is missing (Node 24, npm packages, a container
# engine, the Elasticsearch image), runs lint, type checks and every jest test
# against a throwaway Elasticsearch, and removes the containers it started.
#   ES_URL=http://host:9200 scripts/test.sh   uses an existing cluster instead
#   ES_IMAGE=...            scripts/test.sh   uses that image
# Extra arguments go to jest (e.g. a path).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

timed node ensure_node
timed deps ensure_deps
# The browser test (tests/browser) drives Debian's Chromium.
timed chromium ensure_chromium
use_throwaway_engine "$TEST_LABEL"
timed lint npm run -s lint
timed typecheck npm run -s typecheck
timed jest npx jest --ci "$@"
