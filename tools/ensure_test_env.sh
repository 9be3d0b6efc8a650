#!/usr/bin/env bash
# Installs what the tests need when it is missing: Chromium, a virtual environment with the pinned
# test requirements, and the verified browser runtime. Safe to run again: it then only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  [ -n "${BACKPROP_LAB_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || compgen -G "$HOME/.cache/ms-playwright/chromium-*" >/dev/null
}
if ! have_chromium; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Chromium: run 'sudo apt-get install chromium', or" \
         "'.venv/bin/playwright install chromium', or set BACKPROP_LAB_CHROMIUM." >&2
    exit 1
  fi
fi

if ! cmp -s requirements-test.txt .venv/requirements-test.txt 2>/dev/null; then
  echo "creating .venv with the pinned test requirements"
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-input -r requirements-test.txt
  cp requirements-test.txt .venv/requirements-test.txt
fi

# axe-core for the accessibility test (a devDependency pinned in package-lock.json). npm writes
# node_modules/.package-lock.json on every install, so its age tells whether the lock changed since.
if [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing the npm test dependencies from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund
fi

python3 tools/setup_runtime.py
