"""Whether a typed name is the candidate's: the same words, ignoring case,
accents (Asa for Åsa), punctuation and extra spaces, with a middle name
the candidate left out of the application allowed."""

from __future__ import annotations

import re
import unicodedata


def words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [w for w in re.split(r"[^\w]+", plain) if w]


def names_match(typed: str, expected: str) -> bool:
    """All of the expected names, in order, first and last in place; extra
    middle names are allowed, a missing name is not."""
    given, wanted = words(typed), words(expected)
    if not given or not wanted or len(given) > 6:
        return False
    if len(wanted) == 1:
        # An application sent with one name: that name, whatever else is typed.
        return wanted[0] in given
    if len(given) < len(wanted):
        return False
    if given[0] != wanted[0] or given[-1] != wanted[-1]:
        return False
    rest = iter(given[1:-1])
    return all(any(w == g for g in rest) for w in wanted[1:-1])
