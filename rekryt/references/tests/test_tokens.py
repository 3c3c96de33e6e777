"""A referee's link opens exactly one request of one referee, only while it
is open and unexpired; it is stored hashed; a GET changes nothing."""

from datetime import timedelta

import pytest
import time_machine

from rekryt.lib.tokens import hash_token
from rekryt.references import actions
from rekryt.references.models import ReferenceRequest, Status
from rekryt.references.tests.helpers import answer_url, full_answers, requested

pytestmark = pytest.mark.django_db


def test_each_link_shows_its_own_referees_questionnaire(client, application, rita):
    (first, raw1), (second, _raw2) = requested(application, rita)
    page = client.get(answer_url(raw1))
    assert page.status_code == 200
    assert "Referent 1" in page.text and "Referent 2" not in page.text
    assert f"item_{first.items.first().pk}" in page.text
    assert f"item_{second.items.first().pk}" not in page.text


def test_the_database_keeps_only_the_hash(application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    assert request.token_hash == hash_token(raw)
    assert not ReferenceRequest.objects.filter(token_hash=raw).exists()
    assert len(raw) == 43


def test_answers_to_another_requests_items_are_ignored(client, application, rita):
    (first, raw1), (second, _raw2) = requested(application, rita)
    other = second.items.filter(kind="text").first()
    data = {**full_answers(first), f"item_{other.pk}": "Planted", "send": "1"}
    assert client.post(answer_url(raw1), data).status_code == 200
    other.refresh_from_db()
    assert other.text == ""


@pytest.mark.parametrize("token", ["x" * 43, "short", "a" * 43 + "/../", "%00"])
def test_unknown_or_altered_links_get_404(client, application, rita, token):
    requested(application, rita, count=1)
    assert client.get(f"/reference/{token}/").status_code == 404


def test_an_expired_link_gets_404(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    with time_machine.travel(request.expires_at + timedelta(minutes=1)):
        assert client.get(answer_url(raw)).status_code == 404
        data = {**full_answers(request), "send": "1"}
        assert client.post(answer_url(raw), data).status_code == 404
    request.refresh_from_db()
    assert request.status == Status.SENT


def test_a_get_changes_nothing(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    client.get(answer_url(raw))
    request.refresh_from_db()
    assert request.shown_at is None and request.status == Status.SENT


def test_an_answered_link_shows_thanks_and_never_the_answers(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    client.post(answer_url(raw), {**full_answers(request, "Hemlig bedömning"), "send": "1"})
    page = client.get(answer_url(raw))
    assert page.status_code == 200
    assert "Hemlig bedömning" not in page.text
    assert 'name="item_' not in page.text


def test_an_undone_request_link_stops_working(client, application, rita):
    [(_request, raw)] = requested(application, rita, count=1)
    assert actions.undo_requests(application, rita) == 1
    assert client.get(answer_url(raw)).status_code == 404


def test_a_new_request_after_expiry_gets_a_new_link(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    later = request.expires_at + timedelta(days=1)
    with time_machine.travel(later):
        [again] = actions.request_references(application, rita)
        assert again.pk != request.pk and again.token_hash != request.token_hash
        assert client.get(answer_url(raw)).status_code == 404
    request.refresh_from_db()
    assert request.status == Status.CANCELLED
    assert again.expires_at > later + timedelta(days=20)


def test_a_link_stops_when_the_application_ends(client, application, rita):
    from rekryt.applications.actions import set_outcome
    from rekryt.applications.models import RejectionReason

    [(_request, raw)] = requested(application, rita, count=1)
    set_outcome(application, "withdrawn", None, RejectionReason.objects.first())
    assert client.get(answer_url(raw)).status_code == 404
