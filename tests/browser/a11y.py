"""Accessibility checks for browser tests: axe-core and sideways scrolling.

`Audit.check(page, name)` looks at the page as it is now, at every width:
axe-core (WCAG 2.0/2.1 A and AA plus best practices) at 390 and 1280 px,
and no sideways scrolling at 320, 390, 768 and 1280 px. Problems are
collected, not raised, so one run lists every violation on every page;
`Audit.assert_clean()` fails with that list at the end.

axe-core is vendored under vendor/ (tests only, never served): nothing is
downloaded when the tests run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_WIDTHS = (390, 1280)
LAYOUT_WIDTHS = (1280, 768, 390, 320)
HEIGHT = 900

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, help: v.help,
    targets: v.nodes.slice(0, 6).map((n) => n.target.join(" ")), count: v.nodes.length,
  }));
}"""

# What makes the page wider than the window, named for a readable failure:
# elements reaching past the right edge that no scroll container clips.
OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  // An absolutely positioned box is clipped only by a scroller at or above
  // its containing block (its nearest positioned ancestor).
  const clipped = (el) => {
    const own = getComputedStyle(el).position;
    if (own === "fixed") return false;
    let free = own === "absolute";
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.position !== "static") free = false;
      if (!free && style.overflowX !== "visible") return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim()
       ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + (el.children.length ? "" : " “" + (el.textContent || "").trim().slice(0, 40) + "”");
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5 && !clipped(el)) {
      culprits.push(name(el) + " (right edge " + Math.round(box.right) + ")");
      if (culprits.length >= 4) break;
    }
  }
  if (!culprits.length) culprits.push("no element is wider: a margin or a shadow");
  return {scrollWidth: root.scrollWidth, width: width, culprits: culprits};
}"""


def open_context(browser: Any, live_server: Any, language: str, **options: Any) -> Any:
    """A browser context speaking `language`, with axe-core in every page.

    axe goes in as an init script: the pages' Content-Security-Policy
    (script-src 'self') refuses the inline <script> that add_script_tag
    makes, and the audit must see the pages with their real policy."""
    locale = "sv-SE" if language == "sv" else "en-GB"
    context = browser.new_context(locale=locale, **options)
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    context.add_init_script(path=str(AXE))
    context.set_default_timeout(15_000)
    return context


@dataclass
class Audit:
    language: str
    problems: list[str] = field(default_factory=list)
    pages: int = 0

    def check(self, page: Any, name: str) -> None:
        """Every width, then back to the widest (the next step starts there)."""
        page.wait_for_load_state()  # after a click that posts a form
        self.pages += 1
        where = f"{name} [{self.language}]"
        lang = page.evaluate("document.documentElement.lang")
        if lang != self.language:
            self.problems.append(f"{where}: the page is in {lang!r}, not {self.language!r}")
        for width in LAYOUT_WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            overflow = page.evaluate(OVERFLOW)
            if overflow:
                self.problems.append(
                    f"{where} at {width} px: scrolls sideways "
                    f"({overflow['scrollWidth']} > {overflow['width']}): "
                    + ", ".join(overflow["culprits"])
                )
            if width in AXE_WIDTHS:
                self._axe(page, f"{where} at {width} px")
        page.set_viewport_size({"width": LAYOUT_WIDTHS[0], "height": HEIGHT})

    def visit(self, page: Any, url: str, name: str, status: int = 200) -> None:
        response = page.goto(url)
        if response is None or response.status != status:
            got = response.status if response else "no response"
            self.problems.append(f"{name} [{self.language}]: {url} answered {got}, not {status}")
        self.check(page, name)

    def _axe(self, page: Any, where: str) -> None:
        assert page.evaluate("typeof window.axe !== 'undefined'"), "use open_context()"
        for v in page.evaluate(RUN_AXE, AXE_TAGS):
            self.problems.append(
                f"{where}: axe {v['id']} ({v['help']}) on {v['count']} element(s): "
                + "; ".join(v["targets"])
            )

    def assert_clean(self) -> None:
        assert self.pages, "no page was checked"
        if self.problems:
            raise AssertionError(
                f"{len(self.problems)} accessibility problem(s) on {self.pages} page views:\n"
                + "\n".join(self.problems)
            )


# --- Contrast of the focus ring -----------------------------------------------

# What the browser computes for the focused element (or, for a radio inside
# a label, the label that draws the ring) and the colour behind it.
RING = """([selector, drawn]) => {
  const focused = document.querySelector(selector);
  if (!focused) return null;
  focused.focus();
  const el = drawn ? focused.closest(drawn) : focused;
  const style = getComputedStyle(el);
  let behind = "rgb(255, 255, 255)";
  for (let p = el.parentElement; p; p = p.parentElement) {
    const bg = getComputedStyle(p).backgroundColor;
    if (bg && !/rgba\\(.*, 0\\)$/.test(bg) && bg !== "transparent") { behind = bg; break; }
  }
  return {
    visible: focused.matches(":focus-visible"), style: style.outlineStyle,
    width: parseFloat(style.outlineWidth), colour: style.outlineColor,
    offset: parseFloat(style.outlineOffset),
    shadow: style.boxShadow, behind: behind,
  };
}"""


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.search(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)", css)
    assert found, css
    r, g, b = (float(v) for v in found.groups())
    return r, g, b


def luminance(css: str) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(css))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two CSS colours (rgb(), rgba() or #rrggbb)."""
    la, lb = (luminance(hex_to_rgb(c)) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def hex_to_rgb(css: str) -> str:
    if not css.startswith("#"):
        return css
    return "rgb({}, {}, {})".format(*(int(css[i : i + 2], 16) for i in (1, 3, 5)))


def _halo(ring: dict[str, Any]) -> str:
    """The box-shadow that frames the ring from outside, if any: not inset,
    and spreading further than the outline's offset and width."""
    shadow = ring["shadow"]
    if shadow == "none" or "inset" in shadow:
        return ""
    lengths = [float(v) for v in re.findall(r"(-?[\d.]+)px", shadow.split(")")[-1])]
    spread = lengths[3] if len(lengths) >= 4 else 0.0
    return shadow if spread > ring["offset"] + ring["width"] else ""


def ring_problem(page: Any, selector: str, drawn: str | None = None) -> str | None:
    """Why the focus ring of `selector` is not seen, or None: the ring (or its
    halo, when the ring itself sits on a dark surface) must have 3:1 against
    what lies around it (WCAG 2.1 1.4.11)."""
    ring = page.evaluate(RING, [selector, drawn])
    if ring is None:
        return f"{selector}: not on the page"
    if not ring["visible"]:
        return f"{selector}: does not match :focus-visible"
    if ring["style"] in ("none", "hidden") or ring["width"] < 2:
        return f"{selector}: no outline of at least 2 px ({ring['style']} {ring['width']}px)"
    ratio = contrast(ring["colour"], ring["behind"])
    if ratio >= 3:
        return None
    halo = _halo(ring)
    if halo and contrast(halo, ring["behind"]) >= 3 and contrast(halo, ring["colour"]) >= 3:
        return None
    return f"{selector}: ring {ring['colour']} has {ratio:.2f}:1 against {ring['behind']}" + (
        f", halo {halo}" if halo else ", and no halo"
    )
