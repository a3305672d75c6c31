# The container engine, and the throwaway containers that test and bench runs start.
# Sourced by scripts/lib.sh; scripts/container-engine.sh makes an engine answer.

# Where scripts/container-engine.sh serves podman's Docker API, and the process id of the
# service it started there (.ci/run stops that process, and only that one).
PODMAN_SOCK=/run/podman/podman.sock
PODMAN_SERVICE_PID_FILE=/run/podman/cjk-news-search-service.pid

# The labels on the containers a test run and a bench run start (as in
# tests/support/global-setup.ts and bench/lib/stack.ts).
TEST_LABEL=cjk-news-search.test-run
BENCH_LABEL=cjk-news-search.bench-run

# Removes the containers labelled $1 that runs left behind (an interrupted run, a killed jest).
remove_labelled_containers() {
  local ids
  ids=$(docker ps -aq --filter "label=$1" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
}

# The set-up of a run that starts its own throwaway Elasticsearch with testcontainers (the
# tests, the benches), unless ES_URL names one: an engine, the image, and the containers
# labelled $1 removed before the run and when the script exits.
use_throwaway_engine() {
  local label=$1
  [ -z "${ES_URL:-}" ] || return 0
  DOCKER_HOST="$(timed engine "$ROOT/scripts/container-engine.sh")"
  export DOCKER_HOST
  # Ryuk (testcontainers' reaper) is an image that cannot be pulled everywhere;
  # the trap and remove_labelled_containers clean up instead.
  export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
  # Published ports are reached on loopback; otherwise testcontainers may pick the
  # engine's bridge gateway address.
  export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
  timed image choose_es_image
  remove_labelled_containers "$label"
  # shellcheck disable=SC2064 # the label is fixed now, on purpose
  trap "remove_labelled_containers '$label'" EXIT
}

# Podman runs healthchecks from systemd timers; where systemd is not running (our
# machines, CI) they never run, and compose would wait for "healthy" forever. This
# runs the checks of the running containers every 2 s in the background until
# stop_podman_healthchecks. Nothing to do on Docker or where systemd runs.
start_podman_healthchecks() {
  HEALTHCHECKS_PID=
  [[ ${DOCKER_HOST:-} == *podman* ]] && [ ! -d /run/systemd/system ] || return 0
  (
    while sleep 2; do
      for id in $(podman ps -q --filter health=starting --filter health=healthy --filter health=unhealthy); do
        podman healthcheck run "$id" >/dev/null 2>&1 || true
      done
    done
  ) &
  HEALTHCHECKS_PID=$!
}

stop_podman_healthchecks() {
  [ -z "${HEALTHCHECKS_PID:-}" ] || kill "$HEALTHCHECKS_PID" 2>/dev/null || true
  HEALTHCHECKS_PID=
}
