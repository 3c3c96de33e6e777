"""Abbreviated month names for short dates.

Django prints `N` from these context-marked strings
(`django.utils.dates.MONTHS_AP`). Naming them here puts them in Rekryt's
catalogue, whose Swedish translations win over Django's undotted "okt":
Språkrådet's Svenska skrivregler abbreviates with a full stop only where a
month is shortened (jan., febr., apr., aug., sept., okt., nov., dec.) and
writes the short names whole (mars, maj, juni, juli)."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

MONTHS_SHORT = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
