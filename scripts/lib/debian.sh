# Packages from Debian. apt-get runs here only: every script that needs a package calls
# apt_install. Sourced by scripts/lib.sh.

# Installs the named Debian packages (needs root); the package lists are fetched once per run.
apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Debian's Chromium, which the browser test drives with playwright-core (a test tool's
# own browser download does not work on our machines), and a small Chinese font so that
# its screenshots show text rather than empty boxes. Installed when missing.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -n "$(fc-list :lang=zh 2>/dev/null)" ] && return 0
  log "installing Debian's chromium and a Chinese font"
  apt_install chromium fonts-wqy-microhei
}
