#!/bin/sh
# Install the built folder for the current user: program, menu entry, icons, file type.
#   resources/packaging/install-linux.sh [BUILT_FOLDER]   (default: dist/nianbao)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILT=${1:-"$ROOT/dist/nianbao"}
PREFIX=${XDG_DATA_HOME:-"$HOME/.local/share"}
TARGET="$HOME/.local/opt/nianbao"

mkdir -p "$TARGET" "$HOME/.local/bin" "$PREFIX/applications"
cp -a "$BUILT/." "$TARGET/"
ln -sf "$TARGET/nianbao" "$HOME/.local/bin/nianbao"
ln -sf "$TARGET/nianbao-cli" "$HOME/.local/bin/nianbao-cli"
sed "s|^Exec=nianbao|Exec=$TARGET/nianbao|" "$HERE/nianbao.desktop" > "$PREFIX/applications/nianbao.desktop"
for size in 16 24 32 48 64 128 256 512; do
    dir="$PREFIX/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir" && cp "$ROOT/resources/icons/nianbao-$size.png" "$dir/nianbao.png"
done
mkdir -p "$PREFIX/icons/hicolor/scalable/apps"
cp "$ROOT/resources/icons/nianbao.svg" "$PREFIX/icons/hicolor/scalable/apps/nianbao.svg"
if command -v xdg-mime >/dev/null; then
    xdg-mime install --novendor "$HERE/nianbao-mime.xml"
    xdg-mime default nianbao.desktop application/x-nianbao+json
fi
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/icons/hicolor" || true
echo "已安装到 $TARGET；可在应用菜单中找到「公开年报编辑器」。"
