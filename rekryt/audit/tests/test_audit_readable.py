"""The audit log reads for the HR person who must answer IMY with it: target
types by name, pages as what was done, details in the reader's language,
and targets as links while they exist and the reader may open them."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from rekryt.accounts.actions import change_role
from rekryt.accounts.models import Role
from rekryt.audit.log import record
from rekryt.audit.models import Action, AuditEntry

URL = "/staff/audit/"


def rows(response):
    return response.context["rows"]


def cell(html, row_text):
    """The table row that contains row_text."""
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return next(tr for tr in body.split("<tr>") if row_text in tr)


def test_the_target_filter_lists_names_not_model_labels(client, alice):
    client.force_login(alice)
    html = client.get(URL).content.decode()
    select = html.split('name="target_type"')[1].split("</select>")[0]
    assert '<option value="account.emailaddress">Email address of a staff account</option>' in (
        select
    )
    assert '<option value="candidates.candidate">Candidate</option>' in select
    assert ">account.emailaddress<" not in select and ">candidates.candidate<" not in select


@pytest.mark.parametrize(
    ("language", "viewed", "target"),
    [("en", "Viewed an application", "Application"), ("sv", "Visade en ansökan", "Ansökan")],
)
def test_a_page_reads_as_what_was_done_in_the_readers_language(
    client, alice, rita, application, language, viewed, target
):
    client.force_login(rita)
    client.get(reverse("application_detail", args=[application.pk]))
    entry = AuditEntry.objects.get(action=Action.VIEW)
    assert entry.detail == "application_detail"  # stored as a code, not as words
    client.force_login(alice)
    client.cookies["django_language"] = language
    row = cell(client.get(URL).content.decode(), f"{target} {application.pk}")
    assert viewed in row
    assert "application_detail" not in row
    assert "applications.application" not in row


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Role changed from Recruiter to Admin"),
        ("sv", "Rollen ändrades från Rekryterare till Administratör"),
    ],
)
def test_details_are_stored_as_codes_and_read_in_the_readers_language(
    client, alice, rita, language, text
):
    change_role(rita, Role.ADMIN, actor=alice)
    entry = AuditEntry.objects.get(action=Action.ROLE_CHANGE)
    assert (entry.detail, entry.params) == ("role_changed", {"from": "recruiter", "to": "admin"})
    client.force_login(alice)
    client.cookies["django_language"] = language
    assert text in client.get(URL).content.decode()


def test_targets_link_where_they_still_exist_and_are_plain_otherwise(client, alice, application):
    record(Action.VIEW, actor=alice, target=application.candidate, detail="candidate_detail")
    record(Action.ERASE, actor=alice, target_type="candidates.candidate", target_id="987654")
    record(Action.DOWNLOAD, actor=alice, target_type="candidates.document", target_id="1")
    client.force_login(alice)
    html = client.get(URL).content.decode()
    candidate_url = reverse("candidate_detail", args=[application.candidate_id])
    assert f'<a href="{candidate_url}">Candidate {application.candidate_id}</a>' in html
    erased = cell(html, "Candidate 987654")
    assert "<a " not in erased.split("</td>")[3]
    document = cell(html, "Document (CV or cover letter) 1")
    assert "<a " not in document.split("</td>")[3]


def test_links_follow_what_the_reader_may_open(alice, rita, hanna, job, other_job):
    from rekryt.audit.describe import target_links

    entries = [
        AuditEntry(target_type="jobs.job", target_id=str(job.pk)),
        AuditEntry(target_type="jobs.job", target_id=str(other_job.pk)),
    ]
    assert set(target_links(entries, alice)) == {
        ("jobs.job", str(job.pk)),
        ("jobs.job", str(other_job.pk)),
    }
    assert set(target_links(entries, hanna)) == {("jobs.job", str(job.pk))}


def test_older_entries_keep_their_own_text(client, alice):
    AuditEntry.objects.create(action=Action.EDIT, summary="legal hold 3 placed")
    client.force_login(alice)
    assert "legal hold 3 placed" in client.get(URL).content.decode()


def test_a_refused_request_shows_the_page_it_asked_for(client, alice, ivan, application):
    client.force_login(ivan)
    assert client.get(reverse("application_detail", args=[application.pk])).status_code == 404
    client.force_login(alice)
    row = cell(client.get(URL).content.decode(), "Access refused")
    assert f"/staff/applications/{application.pk}/" in row
    assert "Viewed an application" not in row


def test_the_csv_export_reads_the_same_way(client, alice, rita, application):
    change_role(rita, Role.ADMIN, actor=alice)
    client.force_login(alice)
    client.cookies["django_language"] = "sv"
    response = client.get(reverse("audit_export"), {"action": "role_change"})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[1][2:6] == [
        "Ändrade en roll",
        "Personalkonto",
        str(rita.pk),
        "Rollen ändrades från Rekryterare till Administratör",
    ]
