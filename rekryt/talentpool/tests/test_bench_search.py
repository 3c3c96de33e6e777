"""The search bench runs end to end on a small, generated database and
reports every line, the earlier-applicant suggestions included (its
figures are for `make bench-search`, not for the suite)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from rekryt.privacy.models import Consent, ConsentPurpose


def test_the_bench_reports_search_and_both_kinds_of_suggestions(db):
    out = StringIO()
    call_command("bench_search", "--candidates", "100", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert "suggestions for a new job" in text
    assert "earlier applicants for a new job" in text
    agreed = Consent.objects.filter(purpose=ConsentPurpose.FUTURE_CONTACT).count()
    assert 1 <= agreed <= 30  # about one in ten of 100
