#!/bin/bash
# Security set-up of the compose deployment, run once per `up` by the one-shot service
# `es-setup` in the Elasticsearch image (the official one or the local build: it uses only
# the distribution's own tools). Into $SETUP_DIR (the volume es-setup, which the
# Elasticsearch nodes copy into their config/ at start, see start.sh) it writes:
#   elasticsearch.keystore  bootstrap.password = ELASTIC_PASSWORD (the `elastic` superuser)
#   roles.yml               roles.yml of this folder, for the alias ES_INDEX
#   users, users_roles      the file realm's users: `api` (cjk_news_reader) with
#                           ES_API_PASSWORD, `indexer` (cjk_news_indexer) with ES_INDEXER_PASSWORD
#   certs/                  a certificate authority's certificate, and the nodes' key and
#                           certificate signed by it (HTTP and transport TLS)
# and into $CA_DIR (the volume es-ca, which the API and the indexer mount) the authority's
# certificate, ca.crt, which they trust through ES_CA_CERT.
#
# Why the file realm: it works on every image. The native realm (users and roles through the
# security API) keeps them in the .security index, whose analysis settings use analysis-common's
# pattern_capture filter, which the locally built image lacks ("Unknown filter type").
#
# The certificates are made once (kept while the volume lives); the rest is written again
# only when a password, the roles or the alias changed. The authority's key is not kept:
# new certificates come with a new authority.
set -euo pipefail

SETUP_DIR=${SETUP_DIR:-/setup}
CA_DIR=${CA_DIR:-}
ES_HOME=/usr/share/elasticsearch
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ES_INDEX=${ES_INDEX:-articles}
# Names the node certificate answers to: the compose service, and loopback for a node
# reached through a published port (the secured test container).
CERT_DNS=${CERT_DNS:-elasticsearch,localhost}
CERT_IP=${CERT_IP:-127.0.0.1}

for var in ELASTIC_PASSWORD ES_API_PASSWORD ES_INDEXER_PASSWORD; do
  # Elasticsearch requires at least 6 characters for a file-realm password.
  value=${!var:-}
  if [ "${#value}" -lt 6 ]; then
    echo "setup: $var is unset or shorter than 6 characters (scripts/serve.sh writes random ones to .env)" >&2
    exit 1
  fi
done
if [[ ! $ES_INDEX =~ ^[a-z0-9][a-z0-9_-]*$ ]]; then
  echo "setup: ES_INDEX=$ES_INDEX is not an index name" >&2
  exit 1
fi

mkdir -p "$SETUP_DIR"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The distribution's tools read and write ES_PATH_CONF: a scratch copy of the image's config.
cp -r "$ES_HOME/config" "$work/config"
export ES_PATH_CONF="$work/config"

unpack() { # a zip that certutil wrote, into a folder (the local image has no unzip: the JDK's jar)
  if command -v unzip >/dev/null; then
    unzip -q -o "$1" -d "$2"
  else
    (cd "$2" && "${ES_JAVA_HOME:-$ES_HOME/jdk}/bin/jar" xf "$1")
  fi
}

if [ ! -s "$SETUP_DIR/certs/node.crt" ]; then
  echo "setup: making a certificate authority and the nodes' certificate ($CERT_DNS $CERT_IP)" >&2
  "$ES_HOME/bin/elasticsearch-certutil" ca --silent --pem --days 3650 --out "$work/ca.zip"
  unpack "$work/ca.zip" "$work"
  "$ES_HOME/bin/elasticsearch-certutil" cert --silent --pem --days 3650 --name node \
    --ca-cert "$work/ca/ca.crt" --ca-key "$work/ca/ca.key" \
    --dns "$CERT_DNS" --ip "$CERT_IP" --out "$work/node.zip"
  unpack "$work/node.zip" "$work"
  mkdir -p "$SETUP_DIR/certs"
  cp "$work/ca/ca.crt" "$work/node/node.crt" "$work/node/node.key" "$SETUP_DIR/certs/"
  rm -f "$SETUP_DIR/stamp"
fi

# The roles for the configured alias (the file names the default, `articles`).
sed "s/'articles/'$ES_INDEX/g" "$HERE/roles.yml" >"$work/roles.yml"

stamp="$(printf '%s\n' "$ELASTIC_PASSWORD" "$ES_API_PASSWORD" "$ES_INDEXER_PASSWORD" |
  cat - "$work/roles.yml" "$HERE/setup.sh" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$SETUP_DIR/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "setup: writing the keystore, the roles and the users api and indexer" >&2
  cp "$work/roles.yml" "$ES_PATH_CONF/roles.yml"
  rm -f "$ES_PATH_CONF/elasticsearch.keystore"
  : >"$ES_PATH_CONF/users"
  : >"$ES_PATH_CONF/users_roles"
  "$ES_HOME/bin/elasticsearch-keystore" create >/dev/null
  printf '%s' "$ELASTIC_PASSWORD" |
    "$ES_HOME/bin/elasticsearch-keystore" add --stdin bootstrap.password >/dev/null
  # The password is an argument here, inside this short-lived container only.
  "$ES_HOME/bin/elasticsearch-users" useradd api -p "$ES_API_PASSWORD" -r cjk_news_reader
  "$ES_HOME/bin/elasticsearch-users" useradd indexer -p "$ES_INDEXER_PASSWORD" -r cjk_news_indexer
  for file in elasticsearch.keystore roles.yml users users_roles; do
    cp "$ES_PATH_CONF/$file" "$SETUP_DIR/$file"
  done
  echo "$stamp" >"$SETUP_DIR/stamp"
fi

if [ -n "$CA_DIR" ]; then
  mkdir -p "$CA_DIR"
  cp "$SETUP_DIR/certs/ca.crt" "$CA_DIR/ca.crt"
  chmod 644 "$CA_DIR/ca.crt"
fi
# Readable by the Elasticsearch user (uid 1000, group 0) when this ran as root.
if [ "$(id -u)" = 0 ]; then
  chown -R 1000:0 "$SETUP_DIR"
fi
chmod -R go-rwx,g+rX "$SETUP_DIR"
echo "setup: done" >&2
