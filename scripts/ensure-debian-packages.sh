#!/usr/bin/env bash
# Installs the Debian packages a target needs, only when something is missing, so that a
# fresh machine (CI's included) needs nothing installed by hand beyond python3, make and apt.
#   book: graphviz (diagrams are drawn at build time), node and npm (vendored front-end assets)
#   test: the above, plus chromium (browser tests) and CJK fonts (the bilingual glossary)
set -euo pipefail

target=${1:?usage: ensure-debian-packages.sh book|test}
missing=()
need_command() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed' || missing+=("$1"); }

need_command dot graphviz
need_command node nodejs
need_command npm npm
if [ "$target" = test ]; then
  need_command chromium chromium
  need_package fonts-noto-cjk
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
  echo "error: these Debian packages are missing and this user cannot install them: ${missing[*]}" >&2
  echo "       install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
