"""Text with the person taken out, for blind review: their names, email
addresses, phone numbers, web links, Swedish personal identity numbers
(personnummer, and samordningsnummer, whose day is the birth day plus 60)
and postal codes are replaced by "[…]"-style markers.

The names come from what the application was sent with and the candidate's
own details; the rest is found by pattern. It errs on the side of masking:
a ten-digit number shaped like a date is masked whether or not its check
digit is right."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|se|nu|io|net|org|dev|me)(?:/\S*)?\b", re.I
)
# YYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD+NNNN; the day may be 01-31 or 61-91.
PERSONNUMMER = re.compile(
    r"\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}\b"
)
PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d \-().]{6,}\d(?![\w])")
POSTAL_CODE = re.compile(r"\b\d{3} ?\d{2}(?= [A-ZÅÄÖ][a-zåäö]+)")


def mask_text(text: str, names: Iterable[str]) -> str:
    if not text:
        return text
    text = EMAIL.sub(_("[email]"), text)
    text = LINK.sub(_("[link]"), text)
    text = PERSONNUMMER.sub(_("[personal identity number]"), text)
    text = PHONE.sub(_("[phone]"), text)
    text = POSTAL_CODE.sub(_("[postal code]"), text)
    return _mask_names(text, names)


def _mask_names(text: str, names: Iterable[str]) -> str:
    words = {w for name in names for w in re.split(r"[\s,]+", name or "") if len(w) >= 2}
    if not words:
        return text
    pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", _("[name]"), text, flags=re.IGNORECASE)
