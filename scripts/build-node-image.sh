#!/usr/bin/env bash
# Builds localhost/node:<.nvmrc>, a stand-in for the official node:<major>-bookworm-slim
# image on machines that cannot pull it: the Debian base (debootstrap), the Node binary
# of the npm registry's `node` package (what ensure_node installs) and npm from the npm
# registry, with the official image's layout (/usr/local) and non-root user (node, uid
# and gid 1000, home /home/node). It trusts the certificate authorities this machine
# trusts (NODE_EXTRA_CA_CERTS), so that npm inside builds gets through the same
# TLS-inspecting egress as npm on the machine.
# Skips all of it when an image built from the same inputs exists (seconds).
# Needs root (debootstrap) and podman (scripts/container-engine.sh installs it).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CONTAINERFILE="$ROOT/docker/api/node-base.Containerfile"
# npm as the official images bundle it with Node 24.
NPM_MAJOR=11
NPM_DIR="$ROOT/.tools/npm"
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
STAGE="$ROOT/.tools/node-image"

install_node_package
NODE_BIN="$ROOT/.tools/node/node_modules/node/bin/node"
if [ ! -f "$NPM_DIR/node_modules/npm/package.json" ]; then
  log "installing npm $NPM_MAJOR from the npm registry into .tools/npm"
  npm install --silent --no-save --prefix "$NPM_DIR" "npm@$NPM_MAJOR" >&2
fi
NODE_VERSION="$("$NODE_BIN" --version)"
NPM_VERSION="$("$NODE_BIN" -p 'require(process.argv[1]).version' "$NPM_DIR/node_modules/npm/package.json")"

# What the image is made of; the image carries the hash as a label.
HASH="$(cat <(echo "$NODE_VERSION $NPM_VERSION") "$0" "$CONTAINERFILE" "$CA_BUNDLE" | sha256sum | cut -c1-16)"
if [ "$(podman image inspect "$NODE_LOCAL_IMAGE" --format '{{ index .Labels "inputs.hash" }}' 2>/dev/null)" = "$HASH" ]; then
  log "$NODE_LOCAL_IMAGE is up to date (Node $NODE_VERSION, npm $NPM_VERSION, inputs $HASH)"
  exit 0
fi

ensure_debian_base

log "staging Node $NODE_VERSION and npm $NPM_VERSION"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp "$NODE_BIN" "$STAGE/node"
cp -a "$NPM_DIR/node_modules/npm" "$STAGE/npm"
cp "$CA_BUNDLE" "$STAGE/ca-certificates.crt"

log "building $NODE_LOCAL_IMAGE"
previous="$(podman image inspect "$NODE_LOCAL_IMAGE" --format '{{.Id}}' 2>/dev/null || true)"
podman build -q -f "$CONTAINERFILE" --build-arg BASE_IMAGE="$DEBIAN_BASE_IMAGE" \
  --build-arg NODE_VERSION="${NODE_VERSION#v}" \
  --label inputs.hash="$HASH" --label org.opencontainers.image.version="${NODE_VERSION#v}" \
  -t "$NODE_LOCAL_IMAGE" "$STAGE" >&2
rm -rf "$STAGE"
# The image this one replaces, unless something still uses it.
[ -z "$previous" ] || podman rmi "$previous" >/dev/null 2>&1 || true
log "built $NODE_LOCAL_IMAGE (Node $NODE_VERSION, npm $NPM_VERSION, inputs $HASH)"
