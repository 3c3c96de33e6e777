"""Rekryt's date formats, one European style per language (FORMAT_MODULE_PATH).

Pages, emails and exports for people use the named formats only
(`|date:"SHORT_DATE_FORMAT"`, `formats.date_format(d, "DATE_FORMAT")`), never
a literal pattern, so a language has one way of writing a date everywhere.
Machine-readable places (CSV, JSON-LD, `<time datetime>`) use ISO 8601.

English: "2 December 2026", "2 Dec 2026", "2 December 2026, 11:04".
Swedish: "2 december 2026", "24 okt. 2026", "2 december 2026 11:04".

Swedish short dates use Django's `N` (the month in "AP style"), whose
Swedish words are given in Rekryt's own catalogue (see `MONTHS_SHORT`
in `rekryt.lib.formats.months`), which takes precedence over Django's."""
