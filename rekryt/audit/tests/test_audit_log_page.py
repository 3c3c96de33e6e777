"""/staff/audit/: admins only, filters checked, newest first, paged in a
constant number of queries, exported as formula-safe CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekryt.audit.log import record
from rekryt.audit.models import Action, AuditEntry

URL = "/staff/audit/"


def make_entries(n, **fields):
    for i in range(n):
        record(
            fields.get("action", Action.VIEW),
            **{
                "target_type": "candidates.candidate",
                "target_id": str(1000 + i),
                "summary": "candidate_detail",
                **{k: v for k, v in fields.items() if k != "action"},
            },
        )


def test_it_is_mounted_at_staff_audit():
    assert reverse("audit_log") == URL


@pytest.mark.parametrize("persona", ["rita", "hanna", "otto", "ivan"])
def test_only_admins_see_it(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404
    assert client.get(reverse("audit_export")).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_admins_see_entries_newest_first_and_a_nav_link(client, alice, rita):
    record(Action.VIEW, actor=rita, target_type="candidates.candidate", target_id="1")
    record(Action.EDIT, actor=rita, target_type="candidates.candidate", target_id="2")
    client.force_login(alice)
    response = client.get(URL)
    assert response.status_code == 200
    entries = list(response.context["page"].object_list)
    assert [e.pk for e in entries] == sorted((e.pk for e in entries), reverse=True)
    body = response.content.decode()
    assert f'href="{URL}"' in body
    assert body.index("Candidate 2") < body.index("Candidate 1")


def test_other_staff_have_no_nav_link(client, rita):
    client.force_login(rita)
    assert URL not in client.get(reverse("dashboard")).content.decode()


def test_filters_narrow_the_list(client, alice, rita, hanna):
    record(Action.VIEW, actor=rita, target_type="candidates.candidate", target_id="7")
    record(Action.EDIT, actor=hanna, target_type="applications.application", target_id="7")
    record(Action.EXPORT, actor=hanna)
    client.force_login(alice)

    def shown(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content
        return [(e.actor_label, e.action) for e in response.context["page"].object_list]

    assert shown(actor=rita.pk) == [("rita", "view")]
    assert shown(action="export") == [("hanna", "export")]
    assert shown(target_type="candidates.candidate", target_id="7") == [("rita", "view")]
    assert shown(target_id="7", action="edit") == [("hanna", "edit")]
    today = timezone.localdate()
    assert len(shown(date_from=today.isoformat(), date_to=today.isoformat(), actor=hanna.pk)) == 2
    assert shown(date_from=(today + timedelta(days=1)).isoformat()) == []
    assert shown(date_to=(today - timedelta(days=1)).isoformat()) == []


def test_the_ip_filter(client, alice):
    client.force_login(alice)  # records a LOGIN without an address
    AuditEntry.objects.create(action=Action.VIEW, ip="198.51.100.4")
    AuditEntry.objects.create(action=Action.VIEW, ip="198.51.100.5")
    response = client.get(URL, {"ip": "198.51.100.4"})
    assert [e.ip for e in response.context["page"].object_list] == ["198.51.100.4"]


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "999999"},
        {"actor": "1 OR 1=1"},
        {"action": "password"},
        {"target_type": "accounts.user.password"},
        {"target_id": "1' OR '1'='1"},
        {"target_id": "x" * 41},
        {"date_from": "yesterday"},
        {"date_from": "2026-05-02", "date_to": "2026-05-01"},
        {"ip": "999.1.1.1"},
        {"ip": "<script>"},
        {"page": "-1"},
    ],
)
def test_invalid_filters_give_a_clear_message_not_an_error(client, alice, params):
    client.force_login(alice)
    response = client.get(URL, params)
    assert response.status_code in (200, 400)
    if "page" not in params:
        assert response.status_code == 400
        assert "Please correct the filters" in response.content.decode()
    assert "<script>" not in response.content.decode()
    export = client.get(reverse("audit_export"), params)
    assert export.status_code in (200, 400)


def test_the_list_uses_a_constant_number_of_queries(
    client, alice, rita, django_assert_num_queries, django_assert_max_num_queries
):
    make_entries(3, actor=rita)
    client.force_login(alice)
    client.get(URL)
    # Session and user, the people in the filter, the count and the page.
    with django_assert_max_num_queries(8) as few:
        client.get(URL, {"action": "view"})
    make_entries(120, actor=rita)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"action": "view", "page": "2"})
    assert len(response.context["page"].object_list) == 50


def test_pages_keep_the_filters(client, alice, rita):
    make_entries(60, actor=rita)
    client.force_login(alice)
    body = client.get(URL, {"action": "view"}).content.decode()
    assert "?action=view&amp;page=2" in body


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_export_follows_the_filters_and_is_audited(client, alice, rita):
    record(Action.VIEW, actor=rita, target_type="candidates.candidate", target_id="5")
    record(Action.EDIT, actor=rita, target_type="candidates.candidate", target_id="6")
    client.force_login(alice)
    response = client.get(reverse("audit_export"), {"action": "edit"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [row[4] for row in rows[1:]] == ["6"]
    export = AuditEntry.objects.get(action=Action.EXPORT)
    assert (export.actor, export.target_type) == (alice, "audit.auditentry")


@pytest.mark.parametrize(
    "hostile", ['=HYPERLINK("http://evil","x")', "+1", "@SUM(A1)", "-2", "\t=1+1"]
)
def test_the_csv_export_neutralises_formulas(client, alice, hostile):
    AuditEntry.objects.create(action=Action.LOGIN_FAILED, summary=hostile)
    client.force_login(alice)
    rows = csv_rows(client.get(reverse("audit_export"), {"action": "login_failed"}))
    assert rows[1][5] == "'" + hostile


def test_admins_get_an_audit_trail_link_on_a_candidate(client, alice, rita, application):
    page = reverse("candidate_detail", args=[application.candidate_id])
    link = f"{URL}?target_type=candidates.candidate&amp;target_id={application.candidate_id}"
    client.force_login(alice)
    assert link in client.get(page).content.decode()
    client.force_login(rita)
    assert link not in client.get(page).content.decode()


def test_the_trail_link_shows_that_candidates_entries(client, alice, rita, application):
    client.force_login(rita)
    client.get(reverse("candidate_detail", args=[application.candidate_id]))
    client.force_login(alice)
    response = client.get(
        URL, {"target_type": "candidates.candidate", "target_id": application.candidate_id}
    )
    entries = list(response.context["page"].object_list)
    assert [(e.actor_label, e.action) for e in entries] == [("rita", "view")]
