# Shared by the scripts: the repo root, the pinned versions, logging, and the helpers in
# scripts/lib/, one file per concern. Source it; it defines functions and exports variables,
# it runs nothing heavy.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# .env.example holds the one pinned Elasticsearch version (docker compose reads it from .env,
# which ensure_env in scripts/lib/compose.sh makes from .env.example). Only the version: its
# empty passwords in the environment would hide .env's from compose.
ES_VERSION="$(sed -n 's/^ES_VERSION=//p' "$ROOT/.env.example")"
export ES_VERSION
export ES_LOCAL_IMAGE="localhost/elasticsearch:${ES_VERSION}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

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

# debian.sh: packages from Debian (the one place apt-get runs); node.sh: Node 24 and the npm
# packages; images.sh: the Elasticsearch and Node images; engine.sh: the container engine and
# the throwaway containers of tests and benches; compose.sh: docker-compose.yml's needs.
for part in debian node images engine compose; do
  # shellcheck source=/dev/null
  . "$ROOT/scripts/lib/$part.sh"
done
unset part
