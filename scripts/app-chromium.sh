#!/usr/bin/env bash
# The app's browser tests drive Debian's Chromium; install it when it is missing
# (a test tool's own browser download cannot work here).
set -euo pipefail
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium_path" ]; then
  echo "test:app: installing Chromium from Debian's packages"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y chromium
fi
