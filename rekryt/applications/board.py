"""Queries behind the pipeline board.

The board costs the same few queries whatever the number of applications:
the stages, one grouped count, and one windowed fetch of at most
`COLUMN_SIZE` newest cards per stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from rekryt.applications.hooks import BoardView
from rekryt.applications.models import Application, Outcome, Resubmission, ResubmissionStatus
from rekryt.candidates.models import Document, DocumentKind
from rekryt.jobs.models import Job, Stage, stages_for

COLUMN_SIZE = 50
CARD_ORDER = (F("stage_entered_at").desc(), F("pk").desc())


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

    @property
    def stages(self) -> list[Stage]:
        return [column.stage for column in self.columns]

    @property
    def ended_total(self) -> int:
        return sum(self.ended.values())

    @property
    def ended_labels(self) -> list[tuple[str, int]]:
        return [(str(Outcome(o).label), n) for o, n in sorted(self.ended.items()) if n]


def _active(job: Job, view: BoardView | None) -> QuerySet[Application]:
    active = Application.objects.filter(job=job, outcome=Outcome.ACTIVE)
    return active.filter(*view.filters) if view else active


def _order(view: BoardView | None) -> list[Any]:
    return [*view.order, *CARD_ORDER] if view and view.order else list(CARD_ORDER)


def cards(job: Job, view: BoardView | None = None) -> QuerySet[Application]:
    """Active applications of the job as board cards: candidate joined, and
    `has_cv` and `resubmitted` (sent again, not yet confirmed) flags, newest in
    their stage first (or in the order `view` gives, narrowed by its filters)."""
    cv = Document.objects.filter(application=OuterRef("pk"), kind=DocumentKind.CV)
    resent = Resubmission.objects.filter(
        application=OuterRef("pk"), status=ResubmissionStatus.PENDING
    )
    return (
        _active(job, view)
        .select_related("candidate")
        .annotate(
            has_cv=Exists(cv), resubmitted=Exists(resent), **(view.annotations if view else {})
        )
        .order_by(*_order(view))
    )


def counts(job: Job, view: BoardView | None = None) -> dict[tuple[int, str], int]:
    """Applications per (stage, outcome) in one grouped query; active ones
    only where they pass the view's filters."""
    shown = Count("pk", filter=Q(*view.filters)) if view and view.filters else Count("pk")
    rows = (
        Application.objects.filter(job=job)
        .order_by()
        .values_list("stage_id", "outcome")
        .annotate(n=Count("pk"), shown=shown)
    )
    return {
        (stage_id, outcome): shown if outcome == Outcome.ACTIVE else n
        for stage_id, outcome, n, shown in rows
    }


def active_counts(job: Job) -> dict[int, int]:
    return {stage: n for (stage, outcome), n in counts(job).items() if outcome == Outcome.ACTIVE}


def build_board(job: Job, view: BoardView | None = None) -> Board:
    columns = [Column(stage) for stage in stages_for(job)]
    by_stage = {column.stage.pk: column for column in columns}
    ended: dict[str, int] = {}
    for (stage_id, outcome), n in counts(job, view).items():
        if outcome != Outcome.ACTIVE:
            ended[outcome] = ended.get(outcome, 0) + n
        elif stage_id in by_stage:
            by_stage[stage_id].count = n
    for card in newest_cards(job, view):
        by_stage[card.stage_id].cards.append(card)
    return Board(job=job, columns=columns, ended=ended)


def newest_cards(job: Job, view: BoardView | None = None) -> QuerySet[Application]:
    """One query for every column: the first COLUMN_SIZE cards of each stage.

    The window numbers only the job's active rows by stage (an index-only
    pass, no joins); the cards themselves, with their candidate and flags,
    are read for those few rows alone. Numbering the joined, annotated rows
    instead took twice as long on a 5,000-applicant board."""
    numbered = (
        _active(job, view)
        .annotate(row=Window(RowNumber(), partition_by=F("stage_id"), order_by=_order(view)))
        .filter(row__lte=COLUMN_SIZE)
        .values("pk")
    )
    return cards(job, view).filter(pk__in=numbered)


def column_page(
    job: Job, stage: Stage, offset: int, view: BoardView | None = None
) -> tuple[list[Application], bool]:
    """One page of a column after `offset`, and whether more follow."""
    page = list(cards(job, view).filter(stage=stage)[offset : offset + COLUMN_SIZE + 1])
    return page[:COLUMN_SIZE], len(page) > COLUMN_SIZE


def ended_applications(job: Job) -> QuerySet[Application]:
    return (
        Application.objects.filter(job=job)
        .exclude(outcome=Outcome.ACTIVE)
        .select_related("candidate", "ended_stage", "rejection_reason")
        .order_by("-ended_at", "-pk")
    )
