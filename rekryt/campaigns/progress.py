"""Progress against a campaign's goal over time: cumulative applicants and
qualified applicants per week, as a server-rendered SVG and a table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from rekryt.campaigns.figures import Reach, applications_in, counts_of, met_requirements, midnight
from rekryt.campaigns.models import Campaign

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 260, 44, 16, 16, 36


@dataclass
class Week:
    ends_on: date
    applicants: int
    qualified: int
    x: float = 0
    y_applicants: float = 0
    y_qualified: float = 0


@dataclass
class Chart:
    weeks: list[Week]
    width: int
    height: int
    left: int
    right_edge: int
    bottom: int
    top_value: int
    goal_y: float | None
    goal_qualified_y: float | None
    applicants_path: str
    qualified_path: str
    ticks: list[tuple[float, int]]


MAX_WEEKS = 60  # a longer campaign shows its latest 60 weeks


def week_ends(campaign: Campaign) -> list[date]:
    today = timezone.localdate()
    end = min(max(campaign.goal_date, campaign.starts_on), today)
    ends, stop = [], campaign.starts_on + timedelta(days=6)
    while stop < end:
        ends.append(stop)
        stop += timedelta(days=7)
    if campaign.starts_on <= end:
        ends.append(end)
    return ends[-MAX_WEEKS:]


def weekly(campaign: Campaign, job_ids: list[int]) -> list[Week]:
    """One query: for each week's end, the applications made by then,
    grouped by stage, outcome and screening result (plain comparisons, no date function per
    row, so it stays fast on SQLite with thousands of applications)."""
    ends = week_ends(campaign)
    if not ends:
        return []
    counted = {
        f"w{i}": Count("pk", filter=Q(created_at__lt=midnight(day + timedelta(days=1))))
        for i, day in enumerate(ends)
    }
    grouped = [
        dict(row)
        for row in applications_in(job_ids, campaign.starts_on, ends[-1])
        .annotate(met=met_requirements())
        .order_by()
        .values("stage_id", "outcome", "met")
        .annotate(**counted)
    ]
    reach = Reach(job_ids)
    weeks = []
    for i, day in enumerate(ends):
        rows = [{**row, "n": row[f"w{i}"]} for row in grouped]
        counts = counts_of(rows, reach, campaign.qualified_stage)
        weeks.append(Week(day, counts.applicants, counts.qualified))
    return weeks


def chart(campaign: Campaign, weeks: list[Week]) -> Chart:
    total_weeks = max(((campaign.goal_date - campaign.starts_on).days // 7) + 1, len(weeks), 1)
    last = weeks[-1] if weeks else Week(campaign.starts_on, 0, 0)
    top = max(campaign.goal_applicants, last.applicants, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: int) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    step = plot_w / total_weeks
    for i, week in enumerate(weeks):
        week.x = round(LEFT + step * (i + 1), 1)
        week.y_applicants, week.y_qualified = y(week.applicants), y(week.qualified)

    def path(attr: str) -> str:
        points = [f"{LEFT},{y(0)}"] + [f"{w.x},{getattr(w, attr)}" for w in weeks]
        return "M" + " L".join(points)

    return Chart(
        weeks=weeks,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right_edge=WIDTH - RIGHT,
        bottom=HEIGHT - BOTTOM,
        top_value=top,
        goal_y=y(campaign.goal_applicants) if campaign.goal_applicants else None,
        goal_qualified_y=y(campaign.goal_qualified) if campaign.goal_qualified else None,
        applicants_path=path("y_applicants"),
        qualified_path=path("y_qualified"),
        ticks=[(y(v), v) for v in sorted({0, top // 2, top})],
    )
