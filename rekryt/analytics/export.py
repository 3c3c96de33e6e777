"""Each analytics page as a table for a spreadsheet, in one long shape
(section, item, figure, value) so every page exports the same way; hidden
small groups are exported as the words the page shows, never the number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from rekryt.analytics.experience import Experience
from rekryt.analytics.funnel import Funnel
from rekryt.analytics.sources import Sources
from rekryt.analytics.suppress import Cell

Line = list[Any]


def header() -> list[str]:
    return [_("Section"), _("Item"), _("Figure"), _("Value")]


def value(item: Any) -> Any:
    if isinstance(item, Cell):
        return str(item) if item.hidden or item.value is None else item.value
    return "" if item is None else item


def funnel_lines(page: Funnel) -> Iterator[Line]:
    for h in page.headlines:
        yield [_("Summary"), h.label, _("This period"), value(h.value)]
        yield [_("Summary"), h.label, _("Previous period"), value(h.previous)]
    for step in page.steps:
        yield [_("Stages"), step.label, _("Reached"), step.reached]
        conversion = None if step.conversion is None else round(100 * step.conversion, 1)
        yield [
            _("Stages"),
            step.label,
            _("Conversion from the stage before (%)"),
            value(conversion),
        ]
        yield [_("Stages"), step.label, _("Average days in the stage"), value(step.days)]
        yield [_("Stages"), step.label, _("Rejected here"), step.rejected]
        yield [_("Stages"), step.label, _("Withdrew here"), step.withdrawn]
    for reason in page.reasons:
        yield [_("Why applications ended"), reason.label, reason.kind, value(reason.count)]


def sources_lines(page: Sources) -> Iterator[Line]:
    for row in [*page.rows, page.total]:
        for label, figure in [
            (_("Job-page visits"), row.visits),
            (_("Applicants"), row.applicants),
            (_("Qualified"), row.qualified),
            (_("Hired"), row.hired),
            (_("Cost (SEK)"), row.cost),
            (_("Cost per applicant (SEK)"), row.per_applicant),
            (_("Cost per hire (SEK)"), row.per_hire),
        ]:
            yield [_("Sources"), row.label, label, value(figure)]


def experience_lines(page: Experience) -> Iterator[Line]:
    for rate in page.rates:
        yield [_("Messages"), rate.label, _("Share (%)"), value(rate.percent)]
        yield [_("Messages"), rate.label, _("Applications"), rate.whole]
        yield [_("Messages"), rate.label, _("Previous period (%)"), value(rate.previous)]
    yield [_("Silence"), _("Average days between emails"), _("Days"), value(page.average_silence)]
    for label, count in page.silence:
        yield [_("Silence"), label, _("Gaps between emails"), count]
    for step in page.steps:
        yield [_("Surveys"), step.label, _("Sent"), step.sent]
        yield [_("Surveys"), step.label, _("Response rate (%)"), value(step.response_rate)]
        yield [_("Surveys"), step.label, _("CNPS"), value(step.cnps)]
