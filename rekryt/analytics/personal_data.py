"""Analytics and erasure (the personal_data contract, see
rekryt.candidates.personal_data).

The roll-ups hold counts, never names; what could still point at a person
is a count from a rare ?source= tag on one job in one month. So when an
application is erased or anonymised (its events are about to go), its
contributions are moved, not deleted: taken off its own rows and added to
erased rows of the same month with the source the anonymised copy keeps
(`safe_source`: a rare tag becomes "other"). Totals stay what they were,
as AnonymisedApplication keeps them; the tag is gone. The application's
remembered state goes with it (cascade)."""

from __future__ import annotations

from typing import Any

from rekryt.analytics.fold import summed
from rekryt.analytics.models import Cursor
from rekryt.analytics.rollup import add_to_figures, fold_all, read_events, world_for
from rekryt.applications.anonymise import safe_source
from rekryt.applications.models import Application, Event
from rekryt.candidates.models import Candidate


def export(candidate: Candidate) -> dict[str, Any]:
    return {}  # counts only: nothing here is about one person


def erase(candidate: Candidate) -> dict[str, int]:
    return {}  # each application is anonymised first, through erase_application


def erase_application(application: Application) -> dict[str, int]:
    Cursor.objects.get_or_create(pk=1)
    cursor = Cursor.objects.select_for_update().get(pk=1)
    events = read_events(Event.objects.filter(application=application).order_by("pk"))
    if not events:
        return {}
    world = world_for([application.job_id])
    counted = [e for e in events if e.pk <= cursor.last_event_id]
    taken = summed(fold_all(counted, {}, world).deltas)
    add_to_figures({key: [-n, -s] for key, (n, s) in taken.items()}, world)
    moved: dict[Any, list[int]] = {}
    source = safe_source(application)
    for (month, job, _source, stage, kind, reason), (n, s) in summed(
        fold_all(events, {}, world).deltas
    ).items():
        found = moved.setdefault((month, job, source, stage, kind, reason), [0, 0])
        found[0] += n
        found[1] += s
    add_to_figures(moved, world, erased=True)
    return {}
