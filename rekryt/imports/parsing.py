"""Reading an uploaded CSV: its encoding, its delimiter, a guess at which
column is which field, and the checks every row must pass. Nothing here
touches the database."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from rekryt.candidates.models import normalise_email
from rekryt.lib.safecsv import DANGEROUS_START

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 50
MAX_FIELD = 500
# A note may hold a profile (a JSON Resume's summary, work, education and skills).
MAX_NOTE = 4000

FIELDS = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "email": _("Email"),
    "phone": _("Phone"),
    "language": _("Language"),
    "link": _("LinkedIn URL"),
    "tags": _("Tags"),
    "note": _("Note"),
    "source": _("Source"),
}
# Header words in Swedish and English that suggest a field.
HEADER_WORDS = {
    "first_name": ("first name", "firstname", "given name", "förnamn", "fornamn"),
    "last_name": ("last name", "lastname", "surname", "family name", "efternamn"),
    "email": ("email", "e-mail", "mail", "e-post", "epost", "mejl"),
    "phone": ("phone", "mobile", "telephone", "telefon", "mobil", "tel"),
    "language": ("language", "språk", "sprak"),
    "link": ("linkedin", "linkedin url", "profile", "profil", "url"),
    "tags": ("tags", "tag", "taggar", "etiketter", "skills", "kompetens"),
    "note": ("note", "notes", "comment", "anteckning", "anteckningar", "kommentar"),
    "source": ("source", "källa", "kalla", "origin"),
}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FileRefused(Exception):
    """The whole file cannot be read; the message says why."""


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than 10 MB."))
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise FileRefused(
        _("The file's text encoding could not be read. Save it as CSV UTF-8 and try again.")
    )


def read_table(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of an uploaded CSV file."""
    text = decode(data)
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise FileRefused(_("The file is not valid CSV: %(error)s") % {"error": error}) from error
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise FileRefused(_("The file has no rows."))
    header, body = rows[0], rows[1:]
    if len(header) > MAX_COLUMNS:
        raise FileRefused(_("The file has more than %(n)s columns.") % {"n": MAX_COLUMNS})
    if len(body) > MAX_ROWS:
        raise FileRefused(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
    return [h.strip() for h in header], body


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s_]+", " ", folded)


def guess_mapping(header: list[str]) -> list[str]:
    """For each column, the field its header suggests, or "" to skip it."""
    taken: set[str] = set()
    mapping = []
    for name in header:
        plain = _plain(name)
        guess = next(
            (f for f, words in HEADER_WORDS.items() if plain in words and f not in taken), ""
        )
        taken.add(guess)
        mapping.append(guess)
    return mapping


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)

    @property
    def email_normalised(self) -> str:
        return normalise_email(self.values.get("email", ""))


def check_row(number: int, cells: list[str], header: list[str], mapping: list[str]) -> Row:
    row = Row(number)
    if len(cells) > len(header):
        row.problems.append(("", str(_("The row has more cells than the header."))))
    for index, target in enumerate(mapping):
        if not target:
            continue
        column = header[index] if index < len(header) else str(index + 1)
        value = cells[index].strip() if index < len(cells) else ""
        reason = _problem(target, cells[index] if index < len(cells) else "")
        if reason:
            row.problems.append((column, str(reason)))
        row.values[target] = value
    if not row.values.get("first_name"):
        row.problems.append(("", str(_("A first name is required."))))
    if not row.values.get("email"):
        row.problems.append(("", str(_("An email address is required."))))
    return row


def _problem(target: str, raw: str) -> str:
    value = raw.strip()
    longest = MAX_NOTE if target == "note" else MAX_FIELD
    if len(value) > longest:
        return str(_("Longer than %(n)s characters.") % {"n": longest})
    if CONTROL.search(raw):
        return str(_("Contains control characters."))
    if raw.startswith(DANGEROUS_START) and not (
        target == "phone" and re.fullmatch(r"\+[\d ()-]+", raw)
    ):
        return str(_("Starts with a character a spreadsheet would run as a formula."))
    if target == "email" and value:
        try:
            validate_email(value)
        except ValidationError:
            return str(_("Not a valid email address."))
    if target == "link" and value and not value.startswith("https://"):
        return str(_("Not an https:// address."))
    if target == "language" and value and value.lower() not in ("sv", "en"):
        return str(_("Language must be sv or en."))
    return ""
