#!/usr/bin/env bash
# Compose smoke test: brings docker-compose.yml up the way scripts/serve.sh does, under
# its own project name and a free host port, waits for /readyz through the published
# port, searches 郑凯 and checks that seed 000 (滎陽:共產黨員成為疫情防控主力軍, which
# writes 鄭凱) comes back, checks that only the API is published and that it runs as a
# non-root user, that the API's Elasticsearch user (security is on) cannot write (403 on
# indexing, deleting a document, deleting the index), then removes everything with `down -v`.
# Prints the time from `up` to ready. CI runs it from .ci/run.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"

READY_TIMEOUT_S=${READY_TIMEOUT_S:-300}

ensure_node
prepare_compose
# .env with the passwords, as serve.sh makes it (a new clone has none).
ensure_env
export COMPOSE_PROJECT_NAME="cjk-smoke-$$"
API_PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
export API_PORT
base="http://127.0.0.1:$API_PORT"

fail() {
  log "FAIL: $*"
  "${COMPOSE[@]}" ps >&2 || true
  "${COMPOSE[@]}" logs --no-color --tail 40 >&2 || true
  exit 1
}
cleanup() {
  stop_podman_healthchecks
  "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || log "down -v failed for project $COMPOSE_PROJECT_NAME"
}
start_podman_healthchecks
trap cleanup EXIT

timed "build the API image" "${COMPOSE[@]}" build

log "up (project $COMPOSE_PROJECT_NAME, API on port $API_PORT)"
start_ms=$(date +%s%3N)
"${COMPOSE[@]}" up -d || fail "up"
until curl -fsS --max-time 2 "$base/readyz" >/dev/null 2>&1; do
  (($(date +%s%3N) - start_ms < READY_TIMEOUT_S * 1000)) || fail "not ready after $READY_TIMEOUT_S s"
  sleep 0.5
done
ready_s=$(awk -v ms=$(($(date +%s%3N) - start_ms)) 'BEGIN { printf "%.1f", ms / 1000 }')
log "compose stack: from up to ready in $ready_s s"

# 郑凯 (Simplified) must find seed 000, which writes 鄭凱 (Traditional), highlighted.
curl -fsS --max-time 10 --get --data-urlencode 'q=郑凯' "$base/api/search" >"/tmp/$COMPOSE_PROJECT_NAME.json" ||
  fail "search request"
node -e '
  const res = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const seed = res.hits.find((h) => h.path.includes("000_") || h.title.includes("滎陽"));
  if (!seed) throw new Error(`seed 000 not among ${res.total} hits: ${JSON.stringify(res.hits.map((h) => h.title))}`);
  if (!seed.fragments.some((f) => f.includes("<mark>鄭凱</mark>"))) throw new Error("no <mark>鄭凱</mark> fragment");
  console.error(`郑凯: ${res.total} hit(s), seed 000 "${seed.title}"`);
' "/tmp/$COMPOSE_PROJECT_NAME.json" || fail "search result"
rm -f "/tmp/$COMPOSE_PROJECT_NAME.json"

curl -fsS --max-time 5 "$base/" | grep -q '<form' || fail "no search page at /"

# The README's API examples, run as written (the block after the smoke-test marker) with
# the port replaced; every request must succeed (curl --fail-with-body) with JSON or metrics.
readme_block="$(awk '/tests\/compose\/smoke.sh\) runs the next block/ { found = 1; next }
  found && /^```sh$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md)"
[ -n "$readme_block" ] || fail "no README example block found"
examples_started=$(date +%s%3N)
(
  set -euo pipefail
  curl() { command curl --fail-with-body --max-time 10 -w '\n' "$@"; }
  eval "${readme_block//localhost:3000/127.0.0.1:$API_PORT}"
) >"/tmp/$COMPOSE_PROJECT_NAME.out" 2>&1 || { cat "/tmp/$COMPOSE_PROJECT_NAME.out" >&2; fail "a README example failed"; }
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  const json = lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  const searches = json.filter((r) => Array.isArray(r.hits));
  if (searches.length !== 4) throw new Error(`expected 4 search answers, got ${searches.length}`);
  if (searches.some((r) => r.total === 0)) throw new Error("a README search found nothing");
  if (!json.some((r) => typeof r.id === "string" && !r.hits)) throw new Error("no article answer");
  if (!json.some((r) => r.status === "ready")) throw new Error("/readyz was not ready");
  if (!lines.some((l) => l.startsWith("http_request_duration_seconds_count{"))) throw new Error("no request metrics");
  console.error(`README examples: ${lines.length} lines of output, ${searches.length} searches, all 2xx`);
' "/tmp/$COMPOSE_PROJECT_NAME.out" || { cat "/tmp/$COMPOSE_PROJECT_NAME.out" >&2; fail "README example output"; }
rm -f "/tmp/$COMPOSE_PROJECT_NAME.out"
log "README examples passed in $(($(date +%s%3N) - examples_started)) ms"

es_id="$("${COMPOSE[@]}" ps -q elasticsearch)"
[ -z "$(docker port "$es_id")" ] || fail "Elasticsearch publishes a port: $(docker port "$es_id")"
api_id="$("${COMPOSE[@]}" ps -q api)"
api_uid="$(docker exec "$api_id" id -u)"
[ "$api_uid" != 0 ] || fail "the API runs as root"

# The API's own credentials (its environment: ES_USERNAME, ES_PASSWORD, ES_CA_CERT, over
# HTTPS) may read the alias but not write: each write must be refused with 403.
docker exec "$api_id" node -e '
  const { loadConfig } = require("/app/dist/config");
  const { createElasticsearchClient } = require("/app/dist/elasticsearch");
  const config = loadConfig();
  if (!config.ES_URL.startsWith("https://") || !config.ES_USERNAME) throw new Error("the API does not use HTTPS and a user");
  const client = createElasticsearchClient(config, { requestTimeoutMs: 10000, maxRetries: 0 });
  const alias = config.ES_INDEX;
  (async () => {
    const index = Object.keys(await client.indices.getAlias({ name: alias }))[0];
    const writes = {
      "index a document": () => client.index({ index: alias, document: { title: "smoke" } }),
      "delete a document": () => client.delete({ index: index, id: "smoke" }),
      "delete the index": () => client.indices.delete({ index }),
      "create an index": () => client.indices.create({ index: `${alias}-smoke` }),
    };
    const seen = [];
    for (const [what, write] of Object.entries(writes)) {
      const status = await write().then(() => 200, (error) => error.meta?.statusCode ?? error.message);
      seen.push(`${what}: ${status}`);
      if (status !== 403) throw new Error(`the API user could ${what}: ${status}`);
    }
    console.error(`the API user (${config.ES_USERNAME}) over HTTPS: ${seen.join(", ")}`);
  })().catch((error) => { console.error(error.message); process.exit(1); });
' || fail "the API's Elasticsearch user can write"

log "compose smoke test passed (up to ready: $ready_s s)"
