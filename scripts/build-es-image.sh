#!/usr/bin/env bash
# Builds localhost/elasticsearch:$ES_VERSION without any container registry:
#   Debian base (debootstrap) + a JDK >= 21 from this machine + the distribution
#   from Maven Central + two stand-in plugins (analysis, rest-root), built and tested with Maven.
# Skips all of it when an image built from the same inputs exists (seconds).
# Needs root (debootstrap) and podman (scripts/container-engine.sh installs it).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

IMAGE_DIR="$ROOT/docker/elasticsearch"
# Stand-ins for modules the Maven Central distribution lacks; each folder is a
# Maven project whose package phase leaves one plugin zip in target/.
PLUGIN_DIRS=("$IMAGE_DIR/analysis-plugin" "$IMAGE_DIR/rest-root-plugin")
BASE_IMAGE="$DEBIAN_BASE_IMAGE"
STAGE="$ROOT/.tools/es-image"

find_jdk() {
  local candidate
  for candidate in "${ES_IMAGE_JDK:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  log "no JDK 21 or newer under /usr/lib/jvm (Elasticsearch 9 needs one); set ES_IMAGE_JDK"
  return 1
}
JDK="$(find_jdk)"

# What the image is made of; the image carries the hash as a label.
inputs_hash() {
  {
    echo "$ES_VERSION"
    cat "$JDK/release"
    cat "$0" "$IMAGE_DIR/Containerfile" "$IMAGE_DIR/docker-entrypoint.sh" "$IMAGE_DIR/elasticsearch.yml"
    for dir in "${PLUGIN_DIRS[@]}"; do
      (cd "$dir" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum)
    done
  } | sha256sum | cut -c1-16
}
HASH="$(inputs_hash)"

if [ "$(podman image inspect "$ES_LOCAL_IMAGE" --format '{{ index .Labels "inputs.hash" }}' 2>/dev/null)" = "$HASH" ]; then
  log "$ES_LOCAL_IMAGE is up to date (inputs $HASH)"
  exit 0
fi

ensure_debian_base

for dir in "${PLUGIN_DIRS[@]}"; do
  log "building $(basename "$dir") with Maven (with its unit tests)"
  JAVA_HOME="$JDK" mvn -B -q -f "$dir/pom.xml" package -Delasticsearch.version="$ES_VERSION" >&2
done

log "staging Elasticsearch $ES_VERSION from Maven Central"
rm -rf "$STAGE" && mkdir -p "$STAGE"
mvn -B -q dependency:copy \
  -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
  -DoutputDirectory="$STAGE" >&2
unzip -q "$STAGE/elasticsearch-$ES_VERSION.zip" -d "$STAGE"
mv "$STAGE/elasticsearch-$ES_VERSION" "$STAGE/elasticsearch"
rm "$STAGE/elasticsearch-$ES_VERSION.zip"
cp "$IMAGE_DIR/elasticsearch.yml" "$STAGE/elasticsearch/config/elasticsearch.yml"
for dir in "${PLUGIN_DIRS[@]}"; do
  ES_JAVA_HOME="$JDK" "$STAGE/elasticsearch/bin/elasticsearch-plugin" install --batch --silent \
    "file://$(ls "$dir"/target/*.zip)" >&2
done
cp -a "$JDK" "$STAGE/jdk"
cp "$IMAGE_DIR/docker-entrypoint.sh" "$STAGE/"

log "building $ES_LOCAL_IMAGE"
podman build -q -f "$IMAGE_DIR/Containerfile" --build-arg BASE_IMAGE="$BASE_IMAGE" \
  --label inputs.hash="$HASH" --label org.opencontainers.image.version="$ES_VERSION" \
  -t "$ES_LOCAL_IMAGE" "$STAGE" >&2
rm -rf "$STAGE"
log "built $ES_LOCAL_IMAGE (inputs $HASH)"
