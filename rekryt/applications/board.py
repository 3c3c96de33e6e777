"""Queries behind the pipeline board.

The board costs the same few queries whatever the number of applications:
the stages, one grouped count, and one fetch of at most `COLUMN_SIZE`
newest cards per stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from rekryt.applications import extensions
from rekryt.applications.board_filters import SORTS, BoardFilter, first_in_each_stage
from rekryt.applications.hooks import BoardView, blind_scope
from rekryt.applications.models import Application, Outcome, Resubmission, ResubmissionStatus
from rekryt.candidates.models import Document, DocumentKind
from rekryt.jobs.models import Job, Stage, stages_for

# Cards a column shows before its "show more": 25 fill a laptop screen
# twice; 50 per column made a 5,000-applicant board a 440 KB page.
COLUMN_SIZE = 25
ENDED_PAGE_SIZE = 50
CARD_ORDER = SORTS[""]
NO_FILTER = BoardFilter()
CARD_UNUSED = (
    "about",
    "cover_letter",
    "created_at",
    "updated_at",
    "ended_at",
    "rejection_reason",
    "ended_stage",
    "notice",
    "keep_in_mind",
    "heard_from",
    "submission_key",
    "candidate__email_normalised",
    "candidate__surveys_opt_out",
    "candidate__created_at",
    "candidate__updated_at",
    "candidate__details_confirmed_at",
)


@dataclass
class Column:
    stage: Stage
    count: int = 0
    cards: list[Application] = field(default_factory=list)
    html: str = ""  # the rendered cards, see rekryt.applications.cards

    @property
    def has_more(self) -> bool:
        return self.count > len(self.cards)


@dataclass
class Board:
    job: Job
    columns: list[Column]
    ended: dict[str, int]
    sources: list[str] = field(default_factory=list)

    @property
    def stages(self) -> list[Stage]:
        return [column.stage for column in self.columns]

    @property
    def ended_total(self) -> int:
        return sum(self.ended.values())

    @property
    def ended_labels(self) -> list[tuple[str, int]]:
        return [(str(Outcome(o).label), n) for o, n in sorted(self.ended.items()) if n]


def _active(job: Job, chosen: BoardFilter, view: BoardView | None) -> QuerySet[Application]:
    """The job's active applications through the board's own filter and the
    view other apps add (screening's requirements filter, say)."""
    active = chosen.narrow(Application.objects.filter(job=job, outcome=Outcome.ACTIVE))
    return active.filter(*view.filters) if view else active


def _order(chosen: BoardFilter, view: BoardView | None) -> list[Any]:
    """A view's order (screening's score) first, the board's sort after it."""
    return [*view.order, *chosen.order] if view and view.order else list(chosen.order)


def cards(
    job: Job, chosen: BoardFilter = NO_FILTER, view: BoardView | None = None
) -> QuerySet[Application]:
    """Active applications of the job as board cards: candidate joined, and
    `has_cv` and `resubmitted` (sent again, not yet confirmed) flags, in the
    chosen order (newest in their stage first by default), narrowed by the
    chosen filter and the view's."""
    return _as_cards(_active(job, chosen, view), chosen, view)


def _as_cards(
    rows: QuerySet[Application], chosen: BoardFilter, view: BoardView | None
) -> QuerySet[Application]:
    cv = Document.objects.filter(application=OuterRef("pk"), kind=DocumentKind.CV)
    resent = Resubmission.objects.filter(
        application=OuterRef("pk"), status=ResubmissionStatus.PENDING
    )
    return (
        rows.select_related("candidate")
        # What no card shows: long texts, and timestamps and keys that cost a
        # conversion or a descriptor each on every row.
        .defer(*CARD_UNUSED)
        .annotate(
            has_cv=Exists(cv),
            resubmitted=Exists(resent),
            **extensions.card_annotations(),
            **(view.annotations if view else {}),
        )
        .order_by(*_order(chosen, view))
    )


def counts(job: Job, view: BoardView | None = None) -> dict[tuple[int, str], int]:
    """Applications per (stage, outcome) in one grouped query; active ones
    only where they pass the view's filters."""
    return counts_and_sources(job, view)[0]


def counts_and_sources(
    job: Job, view: BoardView | None = None
) -> tuple[dict[tuple[int, str], int], list[str]]:
    """Applications per (stage, outcome), active ones only where they pass
    the view's filters, and the sources its active applications came from
    (the board's source filter), in one grouped query."""
    shown = Count("pk", filter=Q(*view.filters)) if view and view.filters else Count("pk")
    rows = (
        Application.objects.filter(job=job)
        .order_by()
        .values_list("stage_id", "outcome", "source")
        .annotate(n=Count("pk"), shown=shown)
    )
    found: dict[tuple[int, str], int] = {}
    sources: set[str] = set()
    for stage_id, outcome, source, n, shown_n in rows:
        value = shown_n if outcome == Outcome.ACTIVE else n
        found[(stage_id, outcome)] = found.get((stage_id, outcome), 0) + value
        if source and outcome == Outcome.ACTIVE:
            sources.add(source)
    return found, sorted(sources)


def sources_without_blind(job: Job) -> list[str]:
    """The sources of the job's active applications but those under blind
    review (a campaign's own slug can name a person): for a board that has
    blind cards, one query more."""
    active = Application.objects.filter(job=job, outcome=Outcome.ACTIVE).exclude(source="")
    for blind in blind_scope():
        active = active.exclude(pk__in=blind)
    return sorted(set(active.order_by().values_list("source", flat=True).distinct()))


def active_counts(job: Job) -> dict[int, int]:
    return {stage: n for (stage, outcome), n in counts(job).items() if outcome == Outcome.ACTIVE}


def build_board(job: Job, chosen: BoardFilter = NO_FILTER, view: BoardView | None = None) -> Board:
    columns = [Column(stage) for stage in stages_for(job)]
    by_stage = {column.stage.pk: column for column in columns}
    ended: dict[str, int] = {}
    grouped, sources = counts_and_sources(job, view)
    for (stage_id, outcome), n in grouped.items():
        if outcome != Outcome.ACTIVE:
            ended[outcome] = ended.get(outcome, 0) + n
        elif stage_id in by_stage and not chosen.narrows:
            by_stage[stage_id].count = n
    if chosen.narrows:
        # Columns count what the filter lets through (one query more).
        for stage_id, n in filtered_counts(job, chosen, view).items():
            if stage_id in by_stage:
                by_stage[stage_id].count = n
    for card in newest_cards(job, chosen, view, [column.stage for column in columns]):
        by_stage[card.stage_id].cards.append(card)
    return Board(job=job, columns=columns, ended=ended, sources=sources)


def filtered_counts(job: Job, chosen: BoardFilter, view: BoardView | None = None) -> dict[int, int]:
    rows = _active(job, chosen, view).order_by().values_list("stage_id").annotate(n=Count("pk"))
    return dict(rows)


def newest_cards(
    job: Job,
    chosen: BoardFilter = NO_FILTER,
    view: BoardView | None = None,
    stages: list[Stage] | None = None,
) -> QuerySet[Application]:
    """One query for every column: the first COLUMN_SIZE cards of each stage.

    Each stage's first cards are a LIMIT subquery that walks the board index
    of that stage alone; the cards themselves, with their candidate and
    flags, are read for those few rows. Numbering all of a job's rows with a
    window function instead cost 9 ms on a 5,000-applicant board, these
    subqueries together under 1 ms."""
    stages = stages if stages is not None else list(stages_for(job))
    if not stages:
        return Application.objects.none()
    ordered = _active(job, chosen, view).order_by(*_order(chosen, view))
    firsts = first_in_each_stage(ordered, stages, COLUMN_SIZE)
    return _as_cards(Application.objects.filter(firsts), chosen, view)


def column_page(
    job: Job,
    stage: Stage,
    offset: int,
    chosen: BoardFilter = NO_FILTER,
    view: BoardView | None = None,
) -> tuple[list[Application], bool]:
    """One page of a column after `offset`, and whether more follow."""
    page = list(cards(job, chosen, view).filter(stage=stage)[offset : offset + COLUMN_SIZE + 1])
    return page[:COLUMN_SIZE], len(page) > COLUMN_SIZE


def ended_applications(job: Job) -> QuerySet[Application]:
    return (
        Application.objects.filter(job=job)
        .exclude(outcome=Outcome.ACTIVE)
        .select_related("candidate", "ended_stage", "rejection_reason")
        .order_by("-ended_at", "-pk")
    )
