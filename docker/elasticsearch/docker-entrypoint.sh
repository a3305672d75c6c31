#!/bin/bash
# Entry point of the locally built Elasticsearch image. It follows the official
# image's conventions so that tests and compose treat both images alike: settings
# come from environment variables named like settings (discovery.type=single-node)
# or as ES_SETTING_* (ES_SETTING_DISCOVERY_TYPE; "_" for ".", "__" for "_");
# ES_JAVA_OPTS is read by Elasticsearch's own launcher. The zip distribution reads
# neither kind of variable by itself, hence the translation to -E flags here.
set -euo pipefail

# Like the official image: a command runs as given, flags go to elasticsearch.
if [[ $# -gt 0 && "$1" != -* ]]; then
  exec "$@"
fi

settings=()
while IFS= read -r -d '' entry; do
  key=${entry%%=*}
  value=${entry#*=}
  if [[ $key =~ ^[a-z0-9_]+(\.[a-z0-9_]+)+$ ]]; then
    settings+=("-E$key=$value")
  elif [[ $key =~ ^ES_SETTING_([A-Z0-9_]+)$ ]]; then
    name=${BASH_REMATCH[1]}
    name=${name//__/$'\x01'}
    name=${name//_/.}
    name=${name//$'\x01'/_}
    settings+=("-E${name,,}=$value")
  fi
done < <(env -0)

exec /usr/share/elasticsearch/bin/elasticsearch "${settings[@]}" "$@"
