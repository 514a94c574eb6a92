"""Write a bulletin as a page saved from a government site (.html) or a web archive (.mht).

The bulletin's lines go into the page's content area; around it the site's header,
navigation menu, sidebar of links, scripts and footer, as saved pages have them. Pages
are written in GB2312-labelled GB18030 by default, the way such sites serve them.
"""

from __future__ import annotations

import html
import quopri
from collections.abc import Iterable
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

from reader.parsing.model import ParsedIssue
from tests.support.layout_text import has_contents, text_lines
from tests.support.typeset import article_pages

SITE_HEADER = """<header class="site-header"><div class="logo">北河市科学技术局门户网站</div>
<form class="search"><input name="q" placeholder="站内搜索"><button>搜索</button></form></header>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/kjdt">科技动态</a></li><li><a href="/bszn">办事指南</a></li>
<li><a href="/hdjl">互动交流</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt;
<a href="/kjqb">科技情报</a> &gt; 正文</div>"""
SIDEBAR = """<aside class="side"><h3>相关链接</h3><ul>
<li><a href="/a">关于开展科技型中小企业评价工作的通知</a></li>
<li><a href="/b">全市科技创新大会召开</a></li><li><a href="/c">科技特派员工作简报</a></li>
</ul></aside>"""
SITE_FOOTER = """<footer class="site-footer">
<p>主办单位：北河市科学技术局　地址：北河市文化路 1 号</p>
<p>版权所有 北河市科学技术局　网站标识码 0000000000　备案号：北ICP备00000000号</p></footer>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>"""


def page_html(
    lines: Iterable[str],
    *,
    titles: Iterable[str] = (),
    charset: str = "gb2312",
    title: str = "科技情报",
) -> str:
    """A whole page with ``lines`` as its content: titles as headings, the rest as ``<p>``."""
    heads = set(titles)
    body = []
    for line in lines:
        text = html.escape(line, quote=False)
        if line in heads:
            body.append(f'<h2 style="text-align:center">{text}</h2>')
        else:
            body.append(f'<p style="text-indent:2em">{text}</p>')
    content = "\n".join(body)
    return (
        f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>{html.escape(title)}</title>'
        f"<style>p {{ line-height: 2 }}</style></head><body>\n{SITE_HEADER}\n"
        f'<div class="main"><div class="article"><div class="TRS_Editor">\n{content}\n'
        f"</div></div>\n{SIDEBAR}</div>\n{SITE_FOOTER}\n</body></html>\n"
    )


def issue_lines(issue: ParsedIssue) -> list[str]:
    """The issue's printed lines in the house layout (as ``typeset.write_txt`` prints them)."""
    return text_lines(issue, article_pages(issue) if has_contents(issue) else None)


def write_html(
    path: Path, lines: Iterable[str], *, titles: Iterable[str] = (), encoding: str = "gb18030"
) -> Path:
    """Write a saved page; GB18030 bytes are labelled GB2312 as such sites label them."""
    charset = "gb2312" if encoding == "gb18030" else encoding
    path.write_bytes(page_html(lines, titles=titles, charset=charset).encode(encoding))
    return path


def write_mht(path: Path, lines: Iterable[str], *, titles: Iterable[str] = ()) -> Path:
    """Write a web archive (multipart/related): the page quoted-printable in GB2312, a picture."""
    archive = MIMEMultipart("related", type="text/html")
    archive["Subject"] = "科技情报"
    archive["Snapshot-Content-Location"] = "http://kjj.example/kjqb/1.html"
    page = MIMENonMultipart("text", "html", charset="gb2312")
    page["Content-Transfer-Encoding"] = "quoted-printable"
    encoded = page_html(lines, titles=titles).encode("gb18030")
    page.set_payload(quopri.encodestring(encoded).decode("ascii"))
    page["Content-Location"] = "http://kjj.example/kjqb/1.html"
    archive.attach(page)
    logo = MIMEImage(_PNG, "png")
    logo["Content-Location"] = "http://kjj.example/logo.png"
    archive.attach(logo)
    path.write_bytes(archive.as_bytes())
    return path


# A 1×1 transparent PNG.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
