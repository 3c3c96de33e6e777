"""English dates in British (European) style: day, month, year; 24-hour clock."""

DATE_FORMAT = "j F Y"  # 2 December 2026
SHORT_DATE_FORMAT = "j M Y"  # 2 Dec 2026
DATETIME_FORMAT = "j F Y, H:i"  # 2 December 2026, 11:04
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 2 Dec 2026, 11:04
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday
# What a typed date may look like: ISO (what date inputs send) first, then
# day-first forms; never month-first, so 02/12/2026 is the 2nd of December.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
