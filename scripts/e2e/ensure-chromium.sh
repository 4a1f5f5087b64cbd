#!/usr/bin/env bash
# Makes sure Debian's chromium (and CJK fonts for the zh labels) is installed for the browser tests.
# Never lets a tool download a browser of its own: playwright-core drives this system binary.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "e2e: $CHROMIUM is missing and apt-get is not available; install chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "e2e: $CHROMIUM is missing; run as root: apt-get install -y --no-install-recommends chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi
echo "e2e: installing chromium and fonts-noto-cjk from Debian"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
[ -x "$CHROMIUM" ] || { echo "e2e: chromium installed but $CHROMIUM not found" >&2; exit 1; }
