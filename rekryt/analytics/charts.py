"""Server-rendered bar charts: geometry only, drawn by
templates/analytics/_bars.svg.html. Each chart on a page sits next to a
table with the same numbers (the table is what a screen reader reads; the
SVG is marked as an image with a title)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 200
BAR_HEIGHT = 22
GAP = 8
PLOT = WIDTH - LABEL_WIDTH - 60


@dataclass
class Bar:
    label: str
    text: str
    x: float
    y: float
    width: float
    negative: bool = False

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT * 0.7

    @property
    def end_x(self) -> float:
        return self.x + self.width + 6


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    zero_x: float
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    label_x: int = LABEL_WIDTH - 8


def bar_chart(title: str, values: list[tuple[str, float | None, str]]) -> BarChart:
    """Bars for (label, value, text) with the value's text at the bar's end;
    a None value (a hidden small group) draws no bar. Values below zero (a
    CNPS) grow left of a middle axis."""
    numbers = [abs(v) for _l, v, _t in values if v is not None]
    top = max(numbers, default=0) or 1
    signed = any(v is not None and v < 0 for _l, v, _t in values)
    zero = LABEL_WIDTH + (PLOT / 2 if signed else 0)
    scale = (PLOT / 2 if signed else PLOT) / top
    bars = []
    for index, (label, value, text) in enumerate(values):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = abs(value or 0) * scale
        negative = value is not None and value < 0
        x = zero - length if negative else zero
        bars.append(Bar(label, text, round(x, 1), y, round(length, 1), negative))
    height = GAP + len(values) * (BAR_HEIGHT + GAP)
    return BarChart(title, bars, height, round(zero, 1))
