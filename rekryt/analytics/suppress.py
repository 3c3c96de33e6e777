"""Small-group suppression: a figure about fewer than `MIN_GROUP` people
that could point at someone (why a few candidates were turned down on a
small job, the average time of two hires, the CNPS of three answers) is
shown as "fewer than 5" instead — on the pages, in the exports and in the
reports. The one place the threshold lives.

Within a group whose total is shown (the reasons of a period's
rejections), one hidden cell could be worked out by subtraction, so the
next smallest is hidden with it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

MIN_GROUP = 5


def is_small(people: int) -> bool:
    return 0 < people < MIN_GROUP


def fewer_than() -> str:
    return _("fewer than %(n)s") % {"n": MIN_GROUP}


@dataclass
class Cell:
    """A figure with the number of people behind it."""

    value: float | int | None
    people: int
    hidden: bool = False

    def __post_init__(self) -> None:
        self.hidden = self.hidden or is_small(self.people)

    @property
    def shown(self) -> float | int | None:
        return None if self.hidden else self.value

    def __str__(self) -> str:
        if self.hidden:
            return fewer_than()
        if self.value is None:
            return "–"
        return str(self.value)


def hide_complements(cells: list[Cell]) -> list[Cell]:
    """Hide the next smallest cell when exactly one of a group is hidden."""
    hidden = [c for c in cells if c.hidden]
    open_cells = sorted((c for c in cells if not c.hidden and c.people), key=lambda c: c.people)
    if len(hidden) == 1 and open_cells:
        open_cells[0].hidden = True
    return cells
