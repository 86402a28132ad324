#!/usr/bin/env bash
# What the browser tests need beyond `npm ci`: Debian's chromium (playwright-core downloads no
# browser), Chinese fonts (so screenshots show characters, not boxes) and the built console.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
  echo "installing chromium and CJK fonts"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk
fi
if [ ! -f apps/web/dist/index.html ] || [ "${REBUILD_WEB:-}" = 1 ]; then
  npm run build:web
fi
