"""An interviewer's calendar feed: a secret address shown once, stored
hashed, revocable, listing their upcoming interviews."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from conftest import make_application
from rekryt.interviews import scheduling
from rekryt.interviews.models import FeedToken
from rekryt.interviews.tests.helpers import plan

pytestmark = pytest.mark.django_db


def test_a_feed_lists_upcoming_interviews_and_can_be_revoked(client, job, rita, ivan):
    job.team.add(ivan)
    interview = scheduling.book_directly(
        make_application(job), plan(job), timezone.now() + timedelta(days=1), [ivan], rita
    )
    client.force_login(ivan)
    client.post("/staff/interviews/feed/new/")
    page = client.get("/staff/interviews/").content.decode()
    url = page.split('id="feed-url" type="text" readonly value="')[1].split('"')[0]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert FeedToken.objects.get(user=ivan).token_hash != token
    assert token not in client.get("/staff/interviews/").content.decode()  # shown once
    client.logout()
    feed = client.get(f"/calendar/{token}.ics")
    assert feed.status_code == 200
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"{interview.uid}@rekryt"]
    client.force_login(ivan)
    client.post("/staff/interviews/feed/revoke/")
    client.logout()
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get("/calendar/nonsense.ics").status_code == 404
