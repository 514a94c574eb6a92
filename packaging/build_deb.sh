#!/usr/bin/env bash
# Wraps the one-folder app dist/reader/ (built by packaging/build.sh) as a .deb for
# Debian-based desktops (UOS, Kylin, Debian, Ubuntu): dist/reader_VERSION_ARCH.deb.
# The app goes to /opt/reader, a `reader` command to /usr/bin, a menu entry and an icon.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
[ -x dist/reader/reader ] || { echo "build dist/reader first (packaging/build.sh)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed to build a .deb" >&2; exit 1; }
VERSION=$("$PY" -c "from reader import __version__; print(__version__)")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
ROOT=build/deb/reader
rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/icons/hicolor/scalable/apps"
cp -a dist/reader "$ROOT/opt/reader"
ln -s /opt/reader/reader "$ROOT/usr/bin/reader"
cp resources/icons/reader.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/reader.svg"
cat > "$ROOT/usr/share/applications/reader.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Archive Reader
Name[zh_CN]=期刊档案阅读器
Comment=Read, search and compile briefs from Chinese bulletins, offline
Comment[zh_CN]=离线阅读、检索情报期刊，编印专题汇编
Exec=reader %F
Icon=reader
Terminal=false
Categories=Office;Viewer;
MimeType=application/pdf;text/plain;application/vnd.openxmlformats-officedocument.wordprocessingml.document;
DESKTOP
SIZE=$(du -sk "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: reader
Version: $VERSION
Architecture: $ARCH
Maintainer: reader maintainers <maintainers@localhost>
Installed-Size: $SIZE
Depends: libxcb-cursor0, libcups2 | libcups2t64, fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei
Recommends: fonts-arphic-gkai00mp
Section: text
Priority: optional
Description: offline archive reader for Chinese bulletins (期刊档案阅读器)
 Imports issues of bulletins such as 《科技情报参考》 (PDF, Word, text), shows them as a
 tree of series, year, issue and article, finds Chinese text exactly, keeps notes and
 highlights, and compiles briefs (专题汇编) exported to DOCX, PDF, HTML and Markdown.
CONTROL
OUT="dist/reader_${VERSION}_${ARCH}.deb"
dpkg-deb --build --root-owner-group -Zgzip "$ROOT" "$OUT" >/dev/null
echo "$OUT: $(( $(stat -c %s "$OUT") / 1000000 )) MB"
