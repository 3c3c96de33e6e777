"""The offer pages take as many queries with many rows as with few."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import make_application
from rekryt.offers import actions
from rekryt.offers.tests.helpers import draft, sent
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def grows(client: Any, url: str, add: Callable[[], None], counting: Any) -> None:
    client.get(url)
    with counting(80) as few:
        assert client.get(url).status_code == 200
    add()
    with counting(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def asked(job: Any, rita: Any) -> None:
    offer = draft(make_application(job), rita, needs_approval=True)
    actions.ask_approval(offer, rita)


def test_the_approvals_page(
    client: Any, job: Any, rita: Any, hanna: Any, django_assert_max_num_queries: Any
) -> None:
    asked(job, rita)
    client.force_login(hanna)

    def add() -> None:
        for _n in range(4):
            asked(job, rita)

    grows(client, "/staff/offers/approvals/", add, django_assert_max_num_queries)


def test_the_offer_page_with_versions(
    client: Any, application: Any, rita: Any, django_assert_max_num_queries: Any
) -> None:
    first = sent(application, rita)
    second = actions.change_offer(first, rita, {"salary": 43000})
    client.force_login(rita)

    def add() -> None:
        offer = second
        for n in range(3):
            actions.send_offer(offer, rita)
            offer = actions.change_offer(offer, rita, {"salary": 44000 + n})

    grows(client, f"/staff/offers/{second.pk}/", add, django_assert_max_num_queries)


def test_the_portal_home_with_offers(
    client: Any, job: Any, rita: Any, django_assert_max_num_queries: Any
) -> None:
    from conftest import make_job

    application = make_application(job)
    sent(application, rita)
    sign_in(client, application)

    def add() -> None:
        for _n in range(3):
            other = make_job(recruiter=rita)
            more = make_application(other, email=application.email)
            sent(more, rita)

    grows(client, "/portal/", add, django_assert_max_num_queries)
    assert client.get("/portal/").content.decode().count("Read and answer the offer") == 4
