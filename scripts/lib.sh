# Shared by the scripts: the repo root, the pinned versions, logging, and the helpers in
# scripts/lib/, one file per concern. Source it; it defines functions and exports variables,
# it runs nothing heavy.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# .env holds the one pinned Elasticsearch version (also read by docker compose).
set -a
# shellcheck source=../.env
. "$ROOT/.env"
set +a
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
