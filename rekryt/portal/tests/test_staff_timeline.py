import pytest
from django.urls import reverse

from rekryt.applications.models import EventKind, record

pytestmark = pytest.mark.django_db


def test_staff_read_what_the_candidate_wrote_on_the_timeline(client, application, rita):
    record(application, EventKind.CANDIDATE_MESSAGE, body="När blir intervjun? <b>hej</b>")
    client.force_login(rita)
    response = client.get(reverse("application_detail", args=[application.pk]))
    body = response.content.decode()
    assert "The candidate wrote:" in body
    assert "När blir intervjun? &lt;b&gt;hej&lt;/b&gt;" in body
