"""Chinese fonts for the PDF export: finding them on this machine and making them copy right.

Qt writes a PDF's text layer (ToUnicode map) by looking each glyph up in the font's
character map and taking the LOWEST code point that maps to it. CJK fonts such as Noto
CJK and Source Han draw 人 (U+4EBA) and the Kangxi radical ⼈ (U+2F08) with one glyph,
so the PDF shows 人 but copies and searches as ⼈. (The same flaw is reported against
wkhtmltopdf, issue 4414, and PDFBox, pull request 470.) The fix here: a copy of the
font whose character map no longer lists radicals (or any other lower code point) for
glyphs that a unified ideograph uses, cached in the user's cache folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.export.model import ExportError
from reader.paths import cache_dir

FONT_DIRS_ENV = "READER_FONT_DIRS"
"""Folders (separated by os.pathsep) to look for Chinese fonts in, instead of the system's."""

# Bump when the derived font changes, so stale cached copies are not used.
_DERIVATION_VERSION = "2"

# Files known to hold Simplified Chinese faces, best first, per role of the house style:
# a 仿宋 body, 楷体 for source lines and notes, 黑体 for headings, a bold 宋体 for titles;
# Noto CJK (SIL OFL) when the face of the role is absent. Only faces whose licence lets
# a document embed them: Windows' and macOS's own (installable embedding), the Fandol
# faces (GPL with the font exception, which frees documents that embed them; simplified,
# GB2312 and a little more), Arphic's AR PL faces (Arphic Public License), LXGW WenKai
# and Noto CJK (SIL OFL). The fallback role sets what a narrower face lacks.
_NOTO_SERIF = (
    "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKsc-Regular.otf",
    "SourceHanSerif-Regular.ttc",
)
_NOTO_SANS = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "SourceHanSansSC-Regular.otf")
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "body": (
        "simfang.ttf",
        "STFANGSO.TTF",
        "Fangsong.ttf",
        "FandolFang-Regular.otf",
        *_NOTO_SERIF,
        "SourceHanSerifSC-Regular.otf",
        "simsun.ttc",
        "Songti.ttc",
        *_NOTO_SANS,
        "msyh.ttc",
        "wqy-zenhei.ttc",
        "wqy-microhei.ttc",
        "DroidSansFallbackFull.ttf",
    ),
    "kai": (
        "simkai.ttf",
        "STKAITI.TTF",
        "Kaiti.ttc",
        "FandolKai-Regular.otf",
        "gkai00mp.ttf",
        "LXGWWenKai-Regular.ttf",
        "ukai.ttc",
    ),
    "title": (
        "NotoSerifCJK-Bold.ttc",
        "NotoSerifCJKsc-Bold.otf",
        "SourceHanSerif-Bold.ttc",
        "SourceHanSerifSC-Bold.otf",
    ),
    "heading": (
        "simhei.ttf",
        "STHeiti Medium.ttc",
        "FandolHei-Regular.otf",
        "NotoSansCJK-Bold.ttc",
        "NotoSansCJKsc-Bold.otf",
        "SourceHanSansSC-Bold.otf",
        "msyhbd.ttc",
        *_NOTO_SANS,
    ),
    "fallback": (
        *_NOTO_SERIF,
        "SourceHanSerifSC-Regular.otf",
        *_NOTO_SANS,
        "simsun.ttc",
        "Songti.ttc",
        "msyh.ttc",
        "wqy-zenhei.ttc",
        "DroidSansFallbackFull.ttf",
    ),
}
# Where TeX Live keeps the Fandol faces (Debian's texlive-lang-chinese, or an install from
# CTAN), looked in beside the system's font folders.
_TEXLIVE_FANDOL = (
    Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
    Path("/usr/local/texlive/texmf-local/fonts/opentype/public/fandol"),
)


@dataclass(frozen=True, slots=True)
class FontChoice:
    """A font file and which face of it (for a .ttc collection) to use."""

    path: Path
    face: int = 0


def font_dirs() -> list[Path]:
    """Where fonts are looked for: $READER_FONT_DIRS, else the usual system folders."""
    configured = os.environ.get(FONT_DIRS_ENV)
    if configured is not None:
        return [Path(p).expanduser() for p in configured.split(os.pathsep) if p]
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library/Fonts",
        *_TEXLIVE_FANDOL,
    ]
    windir = os.environ.get("WINDIR")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    return dirs


def _files_in(dirs: Iterable[Path], names: set[str]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name in names and name not in found:
                    found[name] = Path(root) / name
    return found


def _fontconfig_chinese_font() -> Path | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh-cn", "file"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
    usable = [f for f in files if f.lower().endswith((".ttf", ".otf", ".ttc", ".otc"))]
    return Path(usable[0]) if usable else None


def find_chinese_fonts(dirs: Sequence[Path] | None = None) -> dict[str, FontChoice]:
    """Font files for the roles body, kai, title and heading (each falls back to body),
    and, when the body face is not the widest one here, a fallback for what it lacks.

    Raises:
        ExportError: no Chinese font at all (the message says what to install).
    """
    explicit = dirs is not None or FONT_DIRS_ENV in os.environ
    search = list(dirs) if dirs is not None else font_dirs()
    wanted = {name for names in _CANDIDATES.values() for name in names}
    found = _files_in(search, wanted)
    chosen: dict[str, FontChoice] = {}
    for role, names in _CANDIDATES.items():
        path = next((found[n] for n in names if n in found), None)
        if path is not None:
            chosen[role] = FontChoice(path, simplified_chinese_face(path))
    if "body" not in chosen:
        fallback = None if explicit else _fontconfig_chinese_font()
        if fallback is None:
            raise ExportError("export.no_font")
        chosen["body"] = FontChoice(fallback, simplified_chinese_face(fallback))
    chosen.setdefault("kai", chosen["body"])
    chosen.setdefault("title", chosen["body"])
    chosen.setdefault("heading", chosen["title"])
    if chosen.get("fallback") == chosen["body"]:
        del chosen["fallback"]
    return chosen


def simplified_chinese_face(path: Path) -> int:
    """Index of the Simplified Chinese face in a font collection (0 for a single font)."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    from fontTools.ttLib import TTCollection

    with TTCollection(str(path), lazy=True) as collection:
        for index, font in enumerate(collection.fonts):
            family = font["name"].getDebugName(1) or ""
            if family.endswith((" SC", "SC")) or "GB" in family or "简" in family:
                return index
    return 0


def _is_unified_ideograph(code: int) -> bool:
    return 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x3FFFF


def _is_compatibility_ideograph(code: int) -> bool:
    return 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F


def derived_font(choice: FontChoice, family: str) -> Path:
    """A copy of the font, renamed ``family``, that maps each ideograph glyph (and the
    space) to one character.

    Built once (about a second for a CJK font) and kept in the cache folder.

    Raises:
        ExportError: the font file cannot be read.
    """
    stat = choice.path.stat()
    key = f"{choice.path}|{choice.face}|{stat.st_size}|{stat.st_mtime_ns}|{_DERIVATION_VERSION}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    target = cache_dir() / "fonts" / f"{choice.path.stem}-{choice.face}-{digest}.otf"
    if target.is_file():
        return target
    from fontTools.ttLib import TTFont

    try:
        with TTFont(
            str(choice.path),
            fontNumber=choice.face,
            lazy=True,
            recalcBBoxes=False,
            recalcTimestamp=False,
        ) as font:
            _drop_shared_code_points(font)
            _rename(font, family)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.part")
            font.save(str(partial))
        os.replace(partial, target)
    except Exception as error:  # fontTools raises many kinds on a damaged font
        raise ExportError("export.bad_font", path=str(choice.path), detail=str(error)) from error
    return target


def _drop_shared_code_points(font: object) -> None:
    cmap = font["cmap"]  # type: ignore[index]
    best = cmap.getBestCmap() or {}
    ideograph_glyphs = {glyph for code, glyph in best.items() if _is_unified_ideograph(code)}
    shared = {
        code
        for code, glyph in best.items()
        if glyph in ideograph_glyphs
        and not _is_unified_ideograph(code)
        and not _is_compatibility_ideograph(code)
    }
    # Fandol maps every control character to its space glyph, so a space would copy as
    # U+0001: controls are never drawn, and leave the map.
    shared.update(code for code in best if code < 0x20 or 0x7F <= code < 0xA0)
    for table in cmap.tables:
        if table.format != 14 and hasattr(table, "cmap"):
            for code in shared:
                table.cmap.pop(code, None)


def _rename(font: object, family: str) -> None:
    names = font["name"]  # type: ignore[index]
    subfamily = names.getDebugName(2) or "Regular"
    names.names = [record for record in names.names if record.nameID not in (1, 4, 16, 17)]
    names.setName(family, 1, 3, 1, 0x409)
    names.setName(subfamily, 2, 3, 1, 0x409)
    names.setName(f"{family} {subfamily}", 4, 3, 1, 0x409)
