#!/usr/bin/env bash
# Makes sure a Docker-compatible engine answers, and prints the DOCKER_HOST to use.
# Where Docker (or DOCKER_HOST) already answers it changes nothing. Otherwise it
# installs podman from Debian's packages, configures it for these machines (runc,
# ulimits within the hard limits) and serves the Docker API on a socket.
# Usage: export DOCKER_HOST="$(scripts/container-engine.sh)"
set -euo pipefail
. "$(dirname "$0")/lib.sh"

answers() { DOCKER_HOST="$1" docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1; then
  if answers "${DOCKER_HOST:-}"; then echo "${DOCKER_HOST:-unix:///var/run/docker.sock}"; exit 0; fi
  if answers "unix://$PODMAN_SOCK"; then echo "unix://$PODMAN_SOCK"; exit 0; fi
fi

if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  log "no container engine answers: installing podman and runc from Debian's packages"
  pkgs=(podman runc)
  command -v docker >/dev/null 2>&1 || pkgs+=(docker.io)
  apt_install "${pkgs[@]}"
fi

# On these machines crun fails ("cgroups in hybrid mode not supported") and podman's
# default ulimits exceed the hard limit of the machine: runc, and limits within it.
conf=/etc/containers/containers.conf
if ! grep -q 'cjk-news-search' "$conf" 2>/dev/null; then
  hard_nofile=$(ulimit -Hn)
  [ "$hard_nofile" = unlimited ] && hard_nofile=65536
  mkdir -p /etc/containers
  cat >"$conf" <<CONF
# written by cjk-news-search scripts/container-engine.sh
[containers]
default_ulimits = ["nofile=${hard_nofile}:${hard_nofile}","nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
fi

if ! answers "unix://$PODMAN_SOCK"; then
  log "starting podman's Docker API service on $PODMAN_SOCK"
  mkdir -p "$(dirname "$PODMAN_SOCK")"
  # In a session of its own: a Ctrl-C to the script that started it, or the end of that
  # script's process group, must not take down the engine other commands still use.
  setsid nohup podman system service --time=0 "unix://$PODMAN_SOCK" >/tmp/podman-service.log 2>&1 &
  echo $! >"$PODMAN_SERVICE_PID_FILE"
  for _ in $(seq 1 50); do answers "unix://$PODMAN_SOCK" && break; sleep 0.2; done
fi
answers "unix://$PODMAN_SOCK" || { log "podman's API does not answer; see /tmp/podman-service.log"; exit 1; }
echo "unix://$PODMAN_SOCK"
