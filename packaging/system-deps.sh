#!/usr/bin/env bash
# Installs the system packages the reader and its tests use, where this machine lets us:
# CJK fonts (fonts-noto-cjk, a 楷体, the Fandol faces), poppler-utils, and LibreOffice Writer without its GUI
# (which reads .doc/.wps bulletins). Quiet and idempotent; never fails the build.
set -u
need=()
fc-list 2>/dev/null | grep -qi "Noto.*CJK" || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# A 楷体 (AR PL KaitiM GB, Arphic Public License: embeddable) for PDF source lines and notes.
fc-list 2>/dev/null | grep -qi "gkai00mp" || need+=(fonts-arphic-gkai00mp)
# Qt 6.5+ needs libxcb-cursor0 for its xcb platform (a real window, or Xvfb for screenshots).
ldconfig -p 2>/dev/null | grep -q libxcb-cursor || need+=(libxcb-cursor0)
# .doc and .wps files are converted by LibreOffice headless (reader/parsing/legacy_word.py).
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# Every other library Qt's xcb platform plugin loads (from `ldd libqxcb.so`): when one is
# missing Qt blames xcb-cursor0 alone, although it was installed.
for pair in libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
  libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
  libxcb-randr.so.0:libxcb-randr0 libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 \
  libxcb-sync.so.1:libxcb-sync1 libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 \
  libxcb-xkb.so.1:libxcb-xkb1 libxcb-render.so.0:libxcb-render0 libX11-xcb.so.1:libx11-xcb1 \
  libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxkbcommon.so.0:libxkbcommon0; do
  ldconfig -p 2>/dev/null | grep -qF "${pair%%:*}" || need+=("${pair#*:}")
done
# A free simplified 仿宋, 楷体 and 黑体 for the PDF's body, source lines and headings: the
# Fandol faces (GPL with the font exception, which leaves documents embedding them free),
# taken from Debian's texlive-lang-chinese without pulling in the rest of TeX Live.
fandol_dir=/usr/local/share/fonts/fandol
texlive_fandol=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
if [ ! -f "$fandol_dir/FandolFang-Regular.otf" ] && [ ! -f "$texlive_fandol/FandolFang-Regular.otf" ] \
  && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  work=$(mktemp -d)
  if (cd "$work" && apt-get download -qq texlive-lang-chinese && dpkg-deb -x texlive-lang-chinese_*.deb x) >/dev/null 2>&1; then
    mkdir -p "$fandol_dir"
    for face in FandolFang-Regular FandolKai-Regular FandolHei-Regular; do
      cp "$work/x$texlive_fandol/$face.otf" "$fandol_dir/"
    done
    cp "$work/x/usr/share/doc/texlive-doc/fonts/fandol/README" "$fandol_dir/README.fandol" 2>/dev/null
    echo "Fandol fonts: GPL version 3 with the GPL font exception (see README.fandol)." >"$fandol_dir/LICENSE"
    command -v fc-cache >/dev/null 2>&1 && fc-cache -f "$fandol_dir" >/dev/null 2>&1
    echo "installed the Fandol faces in $fandol_dir"
  else
    echo "note: could not fetch the Fandol faces; PDF exports use Noto CJK"
  fi
  rm -rf "$work"
fi
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1 \
    || echo "note: could not install ${need[*]}; Chinese may not render, PDF checks and .doc tests are skipped"
else
  echo "note: please install ${need[*]} (CJK font, PDF tools, LibreOffice) with your system's package manager"
fi
exit 0
