#!/usr/bin/env bash
# The main job on the shipped examples: validate the 12 unit files, then print every form to PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/xianjin validate examples/
.venv/bin/xianjin render examples/ --out out/pdf
echo "PDF 已写入 out/pdf/"
