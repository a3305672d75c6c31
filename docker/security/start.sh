#!/bin/bash
# Entry point of the compose deployment's Elasticsearch nodes: puts what setup.sh wrote
# (keystore, roles, users, certificates) into the node's config/, then starts the image's
# own entry point as the image would. The files are copied, not mounted: Elasticsearch reads
# them only inside its config folder, and the file realm watches them there.
set -euo pipefail

SETUP_DIR=${SETUP_DIR:-/usr/share/elasticsearch/setup}
CONFIG=${ES_PATH_CONF:-/usr/share/elasticsearch/config}

for file in elasticsearch.keystore roles.yml users users_roles; do
  [ -s "$SETUP_DIR/$file" ] || { echo "start: $SETUP_DIR/$file is missing (es-setup did not run?)" >&2; exit 1; }
  cp "$SETUP_DIR/$file" "$CONFIG/$file"
done
mkdir -p "$CONFIG/certs"
cp "$SETUP_DIR"/certs/* "$CONFIG/certs/"
chmod -R go-rwx,g+rX "$CONFIG/certs" "$CONFIG/users" "$CONFIG/users_roles" "$CONFIG/elasticsearch.keystore"

# The official image starts Elasticsearch through tini with the command `eswrapper`; the
# locally built one (docker/elasticsearch/docker-entrypoint.sh) with no command.
if grep -q eswrapper /usr/local/bin/docker-entrypoint.sh && [ -x /bin/tini ]; then
  exec /bin/tini -- /usr/local/bin/docker-entrypoint.sh eswrapper "$@"
fi
exec /usr/local/bin/docker-entrypoint.sh "$@"
