"""The Swedish catalogue is complete, and the compiled django.mo matches it.

The .po file is parsed here by hand (no polib), which is enough for what
makemessages writes: comment lines, msgctxt/msgid/msgid_plural/msgstr[n]
keywords and continuation strings.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
SV_PO = LOCALE_DIR / "sv" / "LC_MESSAGES" / "django.po"
SV_MO = LOCALE_DIR / "sv" / "LC_MESSAGES" / "django.mo"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"

KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|\{\{|\}\}")


def parse_po(path):
    """Return the entries of a .po file as dicts: flags, msgid, msgid_plural, msgstr list."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if line.startswith("#~"):
            continue  # obsolete entry
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or {"flags": set(), "msgstr": {}}
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            field = None
            continue
        entry = entry or {"flags": set(), "msgstr": {}}
        match = KEYWORD.match(line)
        if match:
            key, value = match.group(1), ast.literal_eval(match.group(2))
            if key.startswith("msgstr"):
                index = int(key[7:-1]) if "[" in key else 0
                entry["msgstr"][index] = value
                field = ("msgstr", index)
            else:
                entry[key] = value
                field = key
            continue
        assert line.startswith('"') and field is not None, f"{path}: cannot parse {raw!r}"
        value = ast.literal_eval(line)
        if isinstance(field, tuple):
            entry["msgstr"][field[1]] += value
        else:
            entry[field] += value
    finish()
    return entries


def messages(path):
    """Every entry except the header."""
    return [e for e in parse_po(path) if e["msgid"]]


def header(path):
    return next(e for e in parse_po(path) if not e["msgid"])["msgstr"][0]


def test_the_swedish_catalogue_has_entries():
    assert len(messages(SV_PO)) > 100


def test_every_swedish_entry_is_translated_and_not_fuzzy():
    untranslated = [e["msgid"] for e in messages(SV_PO) if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in messages(SV_PO) if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_plural_entries_have_both_swedish_forms():
    for entry in messages(SV_PO):
        if "msgid_plural" in entry:
            assert sorted(entry["msgstr"]) == [0, 1], entry["msgid"]


def test_swedish_translations_keep_every_placeholder():
    for entry in messages(SV_PO):
        sources = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
        for index, translated in entry["msgstr"].items():
            source = sources[min(index, 1)]
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(source)), (
                source
            )


@pytest.mark.parametrize("path", [SV_PO, EN_PO], ids=["sv", "en"])
def test_catalogue_headers_are_valid(path):
    text = header(path)
    language = path.parent.parent.name
    assert f"Language: {language}\n" in text
    assert "Content-Type: text/plain; charset=UTF-8\n" in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in text
    assert "fuzzy" not in next(e for e in parse_po(path) if not e["msgid"])["flags"]


def test_the_compiled_swedish_catalogue_matches_the_po_file():
    """django.mo is committed; it must hold every translation in django.po."""
    with SV_MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in messages(SV_PO):
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            plural = entry["msgid"], entry["msgid_plural"]
            if context:
                got = [compiled.npgettext(context, *plural, n) for n in (1, 2)]
            else:
                got = [compiled.ngettext(*plural, n) for n in (1, 2)]
            want = [entry["msgstr"][0], entry["msgstr"][1]]
        elif context:
            got, want = compiled.pgettext(context, entry["msgid"]), entry["msgstr"][0]
        else:
            got, want = compiled.gettext(entry["msgid"]), entry["msgstr"][0]
        if got != want:
            stale.append(entry["msgid"])
    assert stale == [], "run: manage.py compilemessages"


def test_django_translates_known_strings_into_swedish():
    with translation.override("sv"):
        assert translation.gettext("Log in") == "Logga in"
        assert translation.gettext("Candidate") == "Kandidat"
        assert translation.gettext("Send application") == "Skicka ansökan"
        assert (
            translation.ngettext("%(n)s candidate", "%(n)s candidates", 1) % {"n": 1}
            == "1 kandidat"
        )
        assert (
            translation.ngettext("%(n)s candidate", "%(n)s candidates", 3) % {"n": 3}
            == "3 kandidater"
        )
    with translation.override("en"):
        assert translation.gettext("Log in") == "Log in"
