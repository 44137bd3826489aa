#!/usr/bin/env bash
# The console's browser tests (ConsoleSignInIT) drive Debian's Chromium through its chromedriver.
# `mvn verify` brings them on a fresh Debian or Ubuntu machine (as root, or with password-less
# sudo); anywhere else it stops with what to install, rather than letting the tests skip.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
install=(apt-get install -y -qq chromium chromium-driver)
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${install[@]}"
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive "${install[@]}"
else
  echo "The console's browser tests need Chromium and chromedriver: install Debian's" \
    "'chromium' and 'chromium-driver' packages (or your system's equivalents on the PATH as" \
    "'chromium' and 'chromedriver') and run again." >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
