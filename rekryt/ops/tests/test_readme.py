"""The README a newcomer starts from points only at files in the repository,
says which demo login reads the development mailbox, and promises no more
than the application page does."""

from __future__ import annotations

import re
from pathlib import Path

from rekryt.demo import data

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_file_it_names_is_in_the_repository():
    linked = re.findall(r"\]\(([^)#\s]+)\)", README)
    named = re.findall(r"`([\w./-]+\.(?:md|txt|toml|example|sh))`", README)
    # var/ is what `make run` writes, not part of the repository.
    local = [path for path in linked + named if "://" not in path and not path.startswith("var/")]
    missing = [path for path in local if not (ROOT / path).exists()]
    assert missing == []


def test_it_names_the_demo_login_that_reads_the_mailbox():
    admins = [username for username, _f, _l, role, _t in data.STAFF if role == "admin"]
    paragraph = next(p for p in README.split("\n- ") if "development mailbox until" in p)
    assert "Mailbox" in paragraph
    assert any(f"`{username}`" in paragraph for username in admins)


def test_it_says_how_the_application_page_shows_a_cv_today():
    # The CV is read in the page, rendered on the server; the file itself is
    # downloaded only on request.
    assert "no in-browser" not in README
    assert "the CV read in the page" in README and "rendered to images on the server" in README
