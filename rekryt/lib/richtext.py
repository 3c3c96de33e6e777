"""A small, safe Markdown subset for text staff write for candidates (job ads).

What it does: paragraphs (a single line break stays a line break), bulleted
and numbered lists, **bold**, *italic*, links and `#` headings. Everything
else is plain text: raw HTML is escaped, not interpreted; images, code
blocks, quotes and rules are off. The HTML markdown-it-py makes is then
cleaned by nh3 (the ammonia sanitiser) to an allow-list, so even a bug in the
parser cannot let a script, an event handler or a `javascript:` link through.

Headings are renumbered so the text's outermost heading sits at `top` (the
level just below the page's heading for that part), each nested one only one
level deeper, and none deeper than h4: an ad's "# Om oss" never becomes a
second h1, nor "###" under it a skipped level, to break the page's heading
order. The result depends only on the text, so it is cached."""

from __future__ import annotations

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

DEEPEST = 4
TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4"}
SCHEMES = ("http://", "https://", "mailto:")
OFF = ["code", "fence", "blockquote", "hr", "html_block", "lheading", "table"]
OFF_INLINE = ["backticks", "image", "html_inline", "strikethrough", "linkify"]

_parser = MarkdownIt("commonmark", {"html": False, "breaks": True})
_parser.disable(OFF + OFF_INLINE)


def _only_web_links(tag: str, attribute: str, value: str) -> str | None:
    # nh3 checks schemes but lets relative links through; an ad has no use for them.
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(SCHEMES) else None
    return value


_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes={"*": set(), "a": {"href"}, "ol": {"start"}},
    attribute_filter=_only_web_links,
    url_schemes={"http", "https", "mailto"},
    link_rel="nofollow noopener",
)


def _shift_headings(tokens: list[Token], top: int) -> None:
    """Each heading one level below its parent in the text's own outline, the
    outermost at `top`: skipped levels close up, none goes above `top`."""
    outline: list[tuple[int, int]] = []  # (level written, level shown) of open parents
    shown = top
    for token in tokens:
        if token.type == "heading_open":
            written = int(token.tag[1])
            while outline and outline[-1][0] >= written:
                outline.pop()
            shown = min(outline[-1][1] + 1, DEEPEST) if outline else top
            outline.append((written, shown))
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{shown}"


@lru_cache(maxsize=512)
def _render(text: str, top: int) -> str:
    tokens = _parser.parse(text)
    _shift_headings(tokens, top)
    html = _parser.renderer.render(tokens, _parser.options, {})
    return _cleaner.clean(html).replace("<br>\n", "<br>").strip()


def render(text: str, top: int = 2) -> SafeString:
    """`text` as sanitised HTML, its headings starting at h`top` (2 to 4)."""
    if not text.strip():
        return SafeString("")
    # Safe: the HTML is nh3's output from an allow-list of tags and attributes.
    return mark_safe(_render(text, min(max(top, 2), DEEPEST)))  # noqa: S308  # nosec B308 B703
