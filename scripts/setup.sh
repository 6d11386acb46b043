#!/usr/bin/env bash
# Sets up everything xianjin needs on a fresh Debian/Ubuntu machine; safe to run again.
#   - system packages: Python venv, Pango (WeasyPrint), HarfBuzz subsetting, CJK fonts, poppler;
#     for the tests MuPDF, Ghostscript, qpdf and LibreOffice (Writer, Calc; no GUI)
#   - .venv/ with xianjin installed (editable) and the test tools
#   - the common-character fonts xianjin derives from Noto Serif CJK SC (once per user)
#   - for the tests, Node.js and tests/clients/ (npm): the real clients of the CI formats
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
  fonts-noto-cjk fonts-babelstone-han
  poppler-utils
  # Only for the tests: the other PDF engines every document is drawn with (tests/test_engines.py)
  mupdf-tools ghostscript qpdf
  # Only for the tests: LibreOffice opens the .docx and .xlsx files xianjin writes and prints them
  # to PDF (tests/test_docx.py, tests/test_workbook.py)
  libreoffice-writer-nogui libreoffice-calc-nogui
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "安装系统软件包：${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

# The distribution's own interpreter, which the packages above are built for. Debian and
# Ubuntu compile it with PGO and LTO: it renders about 15% faster than a plain source build
# such as pyenv's (docs/benchmarks.md). PYTHON=/path/to/python overrides.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  if /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    PYTHON=/usr/bin/python3
  fi
fi
base_of() { "$1" -c 'import sys; print(sys.base_prefix, sys.version_info[:2])'; }
if [ -x .venv/bin/python ] && [ "$(base_of .venv/bin/python)" != "$(base_of "$PYTHON")" ]; then
  echo "虚拟环境 .venv/ 是用另一个 Python 建的，重新创建"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "创建虚拟环境 .venv/"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the project's dependencies changed.
stamp=.venv/.xianjin-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "安装 xianjin 及测试工具到 .venv/"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
  touch "$stamp"
fi

# The real clients the CI formats are checked against (tests/test_clients.py): @actions/core,
# the SARIF 2.1.0 schema and yaml-language-server, pinned by tests/clients/package-lock.json.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "安装 Node.js（测试用）"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -d tests/clients/node_modules ] || [ tests/clients/package-lock.json -nt tests/clients/node_modules ]; then
  echo "安装测试用的 npm 软件包到 tests/clients/"
  (cd tests/clients && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch tests/clients/node_modules
fi

# About 10–30 s, once per user (~/.cache/xianjin); a render would otherwise do it on first use.
.venv/bin/python -m xianjin.render.commonfonts
