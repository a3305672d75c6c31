# The images: Elasticsearch and the API's Node base, the official ones when they can be
# pulled, else built here on a debootstrapped Debian. Sourced by scripts/lib.sh.

# Sets the variable named $1 to an image and exports it: its own value when set;
# else $2, the official image, when the engine can pull it; else $3, the locally
# built one, made (or found up to date) by the script $4. Needs DOCKER_HOST.
choose_image() {
  local var=$1 official=$2 local_image=$3 build=$4
  local image=${!var:-}
  if [ -z "$image" ]; then
    if timeout 60 docker pull -q "$official" >/dev/null 2>&1; then
      image=$official
    else
      log "$official cannot be pulled here: using $local_image"
      image=$local_image
    fi
  fi
  if [ "$image" = "$local_image" ]; then
    "$build"
  fi
  export "$var=$image"
}

choose_es_image() {
  choose_image ES_IMAGE "docker.elastic.co/elasticsearch/elasticsearch:$ES_VERSION" \
    "$ES_LOCAL_IMAGE" "$ROOT/scripts/build-es-image.sh"
}

# The Debian base of the locally built images (debootstrap minbase: bash, coreutils,
# no curl, no CA certificates). Needs root and podman.
DEBIAN_BASE_IMAGE=localhost/debian-base:bookworm
ensure_debian_base() {
  podman image exists "$DEBIAN_BASE_IMAGE" && return 0
  command -v debootstrap >/dev/null || apt_install debootstrap
  local rootfs
  rootfs="$(mktemp -d)"
  log "building $DEBIAN_BASE_IMAGE with debootstrap"
  debootstrap --variant=minbase bookworm "$rootfs" >&2
  tar -C "$rootfs" -c . | podman import - "$DEBIAN_BASE_IMAGE" >&2
  rm -rf "$rootfs"
}

# The Node base image of the API: the official one, or where it cannot be pulled one
# built by scripts/build-node-image.sh with the same user (node, uid 1000) and layout.
NODE_OFFICIAL_IMAGE="docker.io/library/node:$(cat "$ROOT/.nvmrc")-bookworm-slim"
NODE_LOCAL_IMAGE="localhost/node:$(cat "$ROOT/.nvmrc")"

# The API's Node base image, chosen like the Elasticsearch one.
choose_node_image() {
  choose_image NODE_IMAGE "$NODE_OFFICIAL_IMAGE" "$NODE_LOCAL_IMAGE" "$ROOT/scripts/build-node-image.sh"
}
