"""Geometry for the dashboard's SVG charts. Templates draw the shapes
(autoescaped); this module only turns numbers into coordinates."""

from __future__ import annotations

from dataclasses import dataclass

from rekryt.surveys.stats import Benchmark, Row

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def y_for(value: float) -> float:
    """−100 … +100 onto the plot's height."""
    span = HEIGHT - TOP - BOTTOM
    return round(TOP + (100 - value) / 200 * span, 1)


@dataclass
class Point:
    x: float
    y: float
    low: float
    high: float
    label: str
    value: float


@dataclass
class Line:
    y: float
    label: str
    source: str
    value: float
    y_high: float | None = None  # a band's upper edge
    high_value: float | None = None

    @property
    def band_height(self) -> float:
        return round(self.y - self.y_high, 1) if self.y_high is not None else 0


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right_edge: int
    bottom: float
    points: list[Point]
    lines: list[Line]
    ticks: list[Tick]
    x_labels: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(self.points))

    @property
    def zero(self) -> float:
        return y_for(0)

    @property
    def plot_width(self) -> int:
        return self.right_edge - self.left


def _lines(benchmarks: list[Benchmark]) -> list[Line]:
    return [
        Line(
            y=y_for(b.value),
            label=str(b.label),
            source=str(b.source),
            value=b.value,
            y_high=y_for(b.high) if b.high is not None else None,
            high_value=b.high,
        )
        for b in benchmarks
    ]


def trend_chart(rows: list[Row], benchmarks: list[Benchmark]) -> Chart:
    """One point per month with enough answers, with its 95 % interval."""
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / max(len(rows), 1)
    points, labels = [], []
    for i, row in enumerate(rows):
        x = round(LEFT + step * (i + 0.5), 1)
        labels.append(Point(x, HEIGHT - BOTTOM + 18, 0, 0, row.label, 0))
        if row.shown:
            points.append(
                Point(x, y_for(row.cnps), y_for(row.low), y_for(row.high), row.label, row.cnps)
            )
    ticks = [Tick(y_for(v), f"{v:+d}" if v else "0") for v in (100, 50, 0, -50, -100)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right_edge=WIDTH - RIGHT,
        bottom=HEIGHT - BOTTOM,
        points=points,
        lines=_lines(benchmarks),
        ticks=ticks,
        x_labels=labels,
    )


@dataclass
class Bar:
    y: float
    x: float
    width: float
    low: float
    high: float
    label: str
    value: float
    benchmark: float | None

    @property
    def text_x(self) -> float:
        return round(max(self.high, self.x + self.width) + 6, 1)


@dataclass
class BarChart:
    width: int
    height: int
    zero: float
    bars: list[Bar]
    label_width: int
    bar_height: int = 22


def x_for(value: float, left: int, plot_width: int) -> float:
    return round(left + (value + 100) / 200 * plot_width, 1)


def step_chart(rows: list[Row]) -> BarChart:
    """Horizontal bars from zero for each step with enough answers."""
    label_width, plot_width, gap = 190, 500, 34
    shown = [r for r in rows if r.shown]
    bars = []
    for i, row in enumerate(shown):
        start, end = sorted(
            (x_for(0, label_width, plot_width), x_for(row.cnps, label_width, plot_width))
        )
        bars.append(
            Bar(
                y=12 + i * gap,
                x=start,
                width=round(end - start, 1),
                low=x_for(row.low, label_width, plot_width),
                high=x_for(row.high, label_width, plot_width),
                label=row.label,
                value=row.cnps,
                benchmark=(
                    x_for(row.benchmark, label_width, plot_width)
                    if row.benchmark is not None
                    else None
                ),
            )
        )
    return BarChart(
        width=label_width + plot_width + 20,
        height=24 + max(len(shown), 1) * gap,
        zero=x_for(0, label_width, plot_width),
        bars=bars,
        label_width=label_width,
    )
