"""The rejection-reason editor (rekryt.applications.settings_views)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Any, alice: Any, org: Any) -> Any:
    client.force_login(alice)
    return client


def english() -> list[str]:
    return [r.name_en for r in RejectionReason.objects.order_by("order", "pk")]


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_it_lists_the_reasons_in_both_languages(admin_client: Any) -> None:
    html = admin_client.get(reverse("settings_reasons")).content.decode()

    assert "The position has been filled" in html
    assert "Tjänsten har tillsatts" in html


def test_it_adds_a_reason_last(admin_client: Any) -> None:
    response = admin_client.post(
        reverse("settings_reasons"),
        {"name_sv": "Fick inget svar", "name_en": "No reply", "kind": "withdrew"},
    )

    assert response.status_code == 302
    reason = RejectionReason.objects.get(name_en="No reply")
    assert english()[-1] == "No reply"
    assert reason.kind == ReasonKind.WITHDREW and reason.active


def test_it_keeps_the_input_of_an_invalid_new_reason(admin_client: Any) -> None:
    response = admin_client.post(
        reverse("settings_reasons"), {"name_sv": "Fick inget svar", "name_en": "", "kind": "x"}
    )

    assert response.status_code == 200
    assert set(response.context["add_form"].errors) == {"name_en", "kind"}
    assert 'value="Fick inget svar"' in response.content.decode()


def test_it_renames_a_reason_and_changes_its_kind(admin_client: Any) -> None:
    reason = RejectionReason.objects.get(name_en="The position has been filled")
    prefix = f"reason-{reason.pk}"

    admin_client.post(
        reverse("settings_reason_edit", args=[reason.pk]),
        {
            f"{prefix}-name_sv": "Tillsatt",
            f"{prefix}-name_en": "Filled",
            f"{prefix}-kind": "withdrew",
        },
    )

    reason.refresh_from_db()
    assert (reason.name_sv, reason.name_en, reason.kind) == ("Tillsatt", "Filled", "withdrew")


def test_it_shows_an_edit_error_beside_that_reason(admin_client: Any) -> None:
    reason = RejectionReason.objects.first()
    prefix = f"reason-{reason.pk}"

    response = admin_client.post(
        reverse("settings_reason_edit", args=[reason.pk]),
        {f"{prefix}-name_sv": "", f"{prefix}-name_en": "Kept", f"{prefix}-kind": "declined"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{prefix}-name_sv_error"' in html
    assert 'value="Kept"' in html


def test_it_moves_a_reason(admin_client: Any) -> None:
    first, second = english()[:2]
    reason = RejectionReason.objects.get(name_en=first)

    admin_client.post(reverse("settings_reason_move", args=[reason.pk]), {"direction": "down"})

    assert english()[:2] == [second, first]


def test_it_deactivates_and_reactivates_a_reason(admin_client: Any) -> None:
    reason = RejectionReason.objects.first()
    url = reverse("settings_reason_active", args=[reason.pk])

    admin_client.post(url, {"active": "0"})
    reason.refresh_from_db()
    assert not reason.active

    admin_client.post(url, {"active": "1"})
    reason.refresh_from_db()
    assert reason.active


def test_it_deletes_an_unused_reason(admin_client: Any) -> None:
    reason = RejectionReason.objects.first()

    response = admin_client.post(reverse("settings_reason_delete", args=[reason.pk]), follow=True)

    assert not RejectionReason.objects.filter(pk=reason.pk).exists()
    assert messages_of(response) == ["Reason deleted."]


def test_it_never_deletes_a_reason_in_use(admin_client: Any, alice: Any, job: Any) -> None:
    reason = RejectionReason.objects.first()
    set_outcome(make_application(job), Outcome.REJECTED, alice, reason=reason)

    response = admin_client.post(reverse("settings_reason_delete", args=[reason.pk]), follow=True)

    assert RejectionReason.objects.filter(pk=reason.pk).exists()
    assert "Deactivate it instead" in messages_of(response)[0]
    html = response.content.decode()
    assert reverse("settings_reason_delete", args=[reason.pk]) not in html
    assert "In use" in html


def test_it_uses_a_constant_number_of_queries(
    admin_client: Any, alice: Any, job: Any, django_assert_num_queries: Any
) -> None:
    admin_client.get(reverse("settings_reasons"))
    with CaptureQueriesContext(connection) as few:
        admin_client.get(reverse("settings_reasons"))
    for n in range(10):
        RejectionReason.objects.create(name_sv=f"Skäl {n}", name_en=f"Reason {n}")
    for reason in RejectionReason.objects.all()[:5]:
        set_outcome(make_application(job), Outcome.REJECTED, alice, reason=reason)

    with django_assert_num_queries(len(few.captured_queries)):
        admin_client.get(reverse("settings_reasons"))
