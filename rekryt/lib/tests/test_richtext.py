"""The Markdown subset for job ads: paragraphs, lists, bold, italic, links and
headings; everything else stays text, and nothing hostile survives."""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest

from rekryt.lib.richtext import render


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, sorted(name for name, _value in attrs)))


def elements(html):
    return Elements(str(html)).found


def test_it_renders_the_subset():
    html = render(
        "## Om jobbet\n\nVi söker en **utvecklare** som gillar *ordning*.\n\n"
        "- Python\n- Django\n\n1. Ett samtal\n2. En intervju\n\n"
        "Läs mer på [vår sida](https://example.com/om-oss) eller mejla "
        "[oss](mailto:jobb@example.com).\nNy rad i samma stycke."
    )
    assert "<h2>Om jobbet</h2>" in html
    assert "<strong>utvecklare</strong>" in html
    assert "<em>ordning</em>" in html
    assert "<ul>\n<li>Python</li>\n<li>Django</li>\n</ul>" in html
    assert "<ol>\n<li>Ett samtal</li>\n<li>En intervju</li>\n</ol>" in html
    assert '<a href="https://example.com/om-oss" rel="nofollow noopener">vår sida</a>' in html
    assert '<a href="mailto:jobb@example.com" rel="nofollow noopener">oss</a>' in html
    assert "eller mejla" in html and "<br>Ny rad i samma stycke." in html


def test_plain_text_keeps_its_paragraphs_and_line_breaks():
    assert render("One\ntwo\n\nThree") == "<p>One<br>two</p>\n<p>Three</p>"


def test_an_empty_text_is_nothing():
    assert render("") == "" and render("  \n ") == ""


@pytest.mark.parametrize(
    ("text", "top", "levels"),
    [
        ("# A\n\n## B\n\n### C", 2, [2, 3, 4]),
        ("# A\n\n## B", 3, [3, 4]),
        ("### Only small headings\n\n#### Under", 2, [2, 3]),
        ("# A\n\n### Skips\n\n###### Deep", 2, [2, 3, 4]),
        ("### a\n\n#### b\n\n## c\n\n### d", 2, [2, 3, 2, 3]),
        ("# A\n\n## B\n\n### C\n\n#### D\n\n##### E", 2, [2, 3, 4, 4, 4]),
    ],
)
def test_headings_start_below_the_page_close_up_and_stop_at_h4(text, top, levels):
    html = render(text, top)
    assert [int(tag[1]) for tag, _attributes in elements(html) if tag[0] == "h"] == levels


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<a href='javascript:alert(1)'>x</a>",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<p onclick="alert(1)">x</p>',
    ],
)
def test_raw_html_is_shown_as_text_never_run(hostile):
    html = render(hostile)
    assert elements(html) == [("p", [])]
    assert html.startswith("<p>&lt;")


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](/relative/path)",
        "[x](//evil.example/)",
        "<javascript:alert(1)>",
    ],
)
def test_only_web_and_mail_links_become_links(link):
    html = render(link)
    assert "href=" not in html
    assert "javascript:alert" not in html.replace("(javascript:alert(1))", "").replace(
        "&lt;javascript:alert(1)&gt;", ""
    )


def test_images_code_quotes_and_rules_stay_text():
    html = render("![a](https://example.com/x.png)\n\n    indented\n\n> quote\n\n---\n\n`code`")
    assert {tag for tag, _attributes in elements(html)} <= {"p", "a"}


def test_whatever_the_input_only_allowed_elements_and_attributes_come_out():
    html = render(
        '# H\n\n<div style="x">**b** *i* [l](https://e.example "title")</div>\n\n3. three\n'
    )
    allowed = {"p": [], "h2": [], "strong": [], "em": [], "a": ["href", "rel"], "ol": ["start"]}
    for tag, attributes in elements(html):
        assert tag in allowed or tag in {"li", "br"}, tag
        assert set(attributes) <= set(allowed.get(tag, [])), (tag, attributes)


def test_huge_and_deeply_nested_input_stays_quick_and_bounded():
    start = time.monotonic()
    html = render("- " * 5000 + "deep")
    assert html.count("<ul>") <= 20  # markdown-it's nesting limit
    render("**a " * 5000)
    render("[" * 2500 + "](" * 2500)
    assert time.monotonic() - start < 5
