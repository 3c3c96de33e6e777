"""Retention of test results (see rekryt.privacy.retention for the
protocol). A result is removed once its validity has ended and no
application that used it is left (those keep it, for as long as they are
kept, as part of how the assessment was made)."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekryt.privacy.retention import Item, describe_date, grace, held_candidates
from rekryt.screening.models import Result

MODEL = "screening.result"


class RemoveExpiredResults:
    name = "remove_test_results"
    label = _("Remove test results whose validity has ended and no application uses")
    order = 45  # before candidates left with nothing are erased

    def _due(self, until: datetime, pk: int | None = None) -> list[Result]:
        found = (
            Result.objects.filter(valid_until__lte=until - grace(), invitations__isnull=True)
            .exclude(candidate_id__in=held_candidates())
            .select_related("candidate")
            .order_by("valid_until", "pk")
        )
        return list(found.filter(pk=pk) if pk is not None else found)

    def due(self, until: datetime) -> list[Item]:
        pause = grace()
        return [
            Item(
                self.name,
                MODEL,
                r.pk,
                gettext("%(kind)s result of %(name)s, valid until %(date)s")
                % {
                    "kind": r.get_kind_display(),
                    "name": r.candidate.full_name,
                    "date": describe_date(r.valid_until),  # type: ignore[arg-type]
                },
                r.valid_until + pause,  # type: ignore[operator, arg-type]
            )
            for r in self._due(until)
        ]

    def apply(self, item: Item) -> bool:
        found = self._due(item.due_at, pk=item.pk)
        if not found:
            return False
        found[0].delete()
        return True


RULES = [RemoveExpiredResults()]
