import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_failed_csrf_check_gets_a_plain_explanation_not_a_technical_page(job):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/jobs/{job.slug}/apply/", {"first_name": "A"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Please try again" in body
    assert "CSRF" not in body
