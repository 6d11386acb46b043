#!/usr/bin/env bash
# Sets up and runs the whole test suite (what CI runs).
#
# Every run starts as a new user's first run does: an empty HOME and an empty xianjin cache,
# so set-up builds the common-character fonts from nothing. A warm cache once hid a set-up
# that failed on every fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d "${TMPDIR:-/tmp}/xianjin-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XIANJIN_CACHE_DIR="$scratch/cache"
unset XDG_CACHE_HOME
mkdir -p "$HOME"
bash scripts/setup.sh
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
