#!/bin/sh
# Build the one-folder program with PyInstaller: dist/nianbao/{nianbao,nianbao-cli}.
#
#   bench/build_bundle.sh [DISTDIR [WORKDIR]]
#
# WORKDIR is kept between runs so that a rebuild only redoes what changed.
# Windows: run the same pyinstaller command in PowerShell (docs/packaging.md).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${1:-"$ROOT/dist"}
WORK=${2:-"$ROOT/build/pyinstaller"}
PYTHON=${PYTHON:-python3}

cd "$ROOT"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" \
    resources/packaging/nianbao.spec
echo "built: $DIST/nianbao"
du -sh "$DIST/nianbao" 2>/dev/null || true
