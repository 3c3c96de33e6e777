"""Swedish dates: "2 december 2026", "24 okt. 2026" (rekryt.lib.formats.months)."""

DATE_FORMAT = "j F Y"  # 2 december 2026
SHORT_DATE_FORMAT = "j N Y"  # 24 okt. 2026, 2 maj 2026
DATETIME_FORMAT = "j F Y H:i"  # 2 december 2026 11:04
SHORT_DATETIME_FORMAT = "j N Y H:i"  # 24 okt. 2026 11:04
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # måndag
# ISO (what date inputs send) first, then day-first forms; never month-first.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
]
