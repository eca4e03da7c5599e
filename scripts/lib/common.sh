# Shared helpers for Gazette's scripts: install what is missing, print steps.

step() { printf '\n==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" = "0" ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "Root is needed to run: $*" >&2
    return 1
  fi
}

# Installs the Debian packages that are not installed yet (one apt-get update, only if needed).
need_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs a PyPI package when its module cannot be imported: need_python MODULE PACKAGE.
need_python() {
  python3 -c "import $1" 2>/dev/null && return 0
  echo "Installing PyPI package: $2"
  python3 -m pip install --quiet --disable-pip-version-check "$2"
}

# Waits until URL answers 200, up to SECONDS (default 120).
wait_for_http() {
  local url=$1 limit=${2:-120} waited=0
  until python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$url" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 5)) ]; then
      echo "Timed out waiting for $url" >&2
      return 1
    fi
  done
}

# Prints a TCP port on 127.0.0.1 that is free right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
