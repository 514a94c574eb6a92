"""The house style every export and the print-out share: page, grid, sizes, fonts per role.

One file, ``resources/templates/house_style.json`` (after GB/T 9704-2012), read here once;
the DOCX writer takes its font names and grid, the PDF writer (and so printing) its page
and sizes, and the HTML export its sizes, margins and font stacks. Change the style there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.export.pagination import MM_TO_PT, PageGeometry
from reader.paths import resource_path

STYLE_FILE = "house_style.json"


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """The house style as read from its file (lengths in mm, sizes in pt)."""

    page: dict[str, float]
    line_pitch: float
    fonts: dict[str, dict[str, Any]]
    sizes: dict[str, float]
    toc_levels: str
    grid: dict[str, int]

    @property
    def page_mm(self) -> tuple[float, float]:
        return self.page["width"], self.page["height"]

    @property
    def margins_mm(self) -> dict[str, float]:
        return {side: self.page[side] for side in ("top", "bottom", "left", "right")}

    @property
    def text_width_mm(self) -> float:
        return self.page["width"] - self.page["left"] - self.page["right"]

    @property
    def text_height_mm(self) -> float:
        return self.page["height"] - self.page["top"] - self.page["bottom"]

    @property
    def title_pitch(self) -> float:
        return round(self.sizes["title"] * 1.5, 1)

    @property
    def geometry(self) -> PageGeometry:
        return PageGeometry(
            width=self.text_width_mm * MM_TO_PT,
            height=self.text_height_mm * MM_TO_PT,
            line_pitch=self.line_pitch,
            body_size=self.sizes["body"],
            title_size=self.sizes["title"],
            title_pitch=self.title_pitch,
        )

    def css_font_stack(self, role: str) -> str:
        """The role's CSS ``font-family`` value, each family name quoted but the generic."""
        generic = {"serif", "sans-serif", "monospace", "cursive"}
        return ", ".join(
            name if name in generic else '"' + name.replace('"', "") + '"'
            for name in self.fonts[role]["css"]
        )


@cache
def house_style() -> HouseStyle:
    """The house style (read once per process)."""
    data: dict[str, Any] = json.loads(
        resource_path("templates", STYLE_FILE).read_text(encoding="utf-8")
    )
    return HouseStyle(
        page=data["page"],
        line_pitch=data["line_pitch"],
        fonts=data["fonts"],
        sizes=data["sizes"],
        toc_levels=data["toc_levels"],
        grid=data["grid"],
    )
