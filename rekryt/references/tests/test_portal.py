"""The candidate names referees in the portal, confirming each agreed to be
contacted; bad input keeps what was typed; a referee nobody has asked can be
taken back; the portal's home shows the panel where a stage asks for them."""

import pytest

from rekryt.applications.models import Event, EventKind
from rekryt.portal.tokens import mint
from rekryt.references.models import Referee, StageRule
from rekryt.references.tests.helpers import requested

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Maria Ek",
    "relation": "manager",
    "organisation": "Lagerhuset AB",
    "email": "maria.ek@lagerhuset.se",
    "phone": "070-123 45 67",
    "language": "sv",
    "confirmed": "on",
}


@pytest.fixture
def portal(client, application):
    assert client.post(f"/portal/t/{mint(application.candidate)}/").status_code == 302
    return client


def url(application):
    return f"/portal/references/{application.pk}/"


def test_the_home_page_asks_for_referees_when_the_stage_does(portal, application):
    assert "portal/references" not in portal.get("/portal/").text
    StageRule.objects.create(stage=application.stage, referees_required=2)
    assert url(application) in portal.get("/portal/").text


def test_naming_a_referee(portal, application):
    response = portal.post(url(application), GOOD)
    assert response.status_code == 302
    referee = Referee.objects.get(application=application)
    assert referee.name == "Maria Ek" and referee.added_by is None
    assert referee.contact_confirmed_at is not None
    assert Event.objects.filter(application=application, kind=EventKind.REFEREE_ADDED)


def test_without_the_confirmation_nothing_is_saved_and_nothing_lost(portal, application):
    response = portal.post(url(application), {**GOOD, "confirmed": ""})
    assert response.status_code == 400
    assert "maria.ek@lagerhuset.se" in response.text and "Lagerhuset AB" in response.text
    assert not Referee.objects.exists()


def test_the_candidates_own_address_is_refused(portal, application):
    response = portal.post(url(application), {**GOOD, "email": application.email.upper()})
    assert response.status_code == 400
    assert not Referee.objects.exists()


def test_hostile_input_is_refused_or_escaped(portal, application):
    response = portal.post(url(application), {**GOOD, "name": "<script>x</script>"})
    assert response.status_code == 400 and "<script>x" not in response.text
    response = portal.post(url(application), {**GOOD, "organisation": "<b>AB</b>"})
    assert response.status_code == 302
    assert "<b>AB</b>" not in portal.get(url(application)).text


def test_the_same_address_twice_is_refused(portal, application):
    portal.post(url(application), GOOD)
    assert portal.post(url(application), GOOD).status_code == 400
    assert Referee.objects.count() == 1


def test_a_referee_can_be_removed_until_asked(portal, application, rita):
    portal.post(url(application), GOOD)
    referee = Referee.objects.get()
    assert portal.post(f"{url(application)}{referee.pk}/remove/").status_code == 302
    assert not Referee.objects.exists()
    requested(application, rita, count=1)
    asked = Referee.objects.get()
    portal.post(f"{url(application)}{asked.pk}/remove/")
    assert Referee.objects.filter(pk=asked.pk).exists()
