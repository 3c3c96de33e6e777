"""The benchmark's fast inserts write rows the ORM reads back as if it had
written them, and leave the next ordinary insert a free id."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekryt.candidates.models import Candidate
from rekryt.lib.bulk import Rows, moment, next_ids

pytestmark = pytest.mark.django_db(transaction=True)


def test_rows_come_back_through_the_orm_with_their_defaults():
    at = timezone.now() - timedelta(days=3)
    rows = Rows(Candidate)
    ids = next_ids(Candidate, 2)
    for pk, name in zip(ids, ["Åsa", "Omar"], strict=True):
        rows.add(
            id=pk,
            first_name=name,
            last_name="Lind",
            email=f"{pk}@example.org",
            email_normalised=f"{pk}@example.org",
            created_at=moment(at),
        )
    assert rows.write() == 2
    rows.finish()

    found = Candidate.objects.get(pk=ids[0])
    assert (found.first_name, found.email) == ("Åsa", f"{ids[0]}@example.org")
    assert abs(found.created_at - at) < timedelta(seconds=1)
    # A default the caller did not give is the model's own.
    assert found.language == Candidate._meta.get_field("language").get_default()


def test_an_ordinary_insert_after_them_gets_a_free_id():
    rows = Rows(Candidate)
    ids = next_ids(Candidate, 3)
    for pk in ids:
        rows.add(
            id=pk,
            first_name="Bo",
            last_name="Ek",
            email=f"{pk}@example.org",
            email_normalised=f"{pk}@example.org",
        )
    rows.finish()

    later = Candidate.objects.create(first_name="Ny", last_name="Person", email="ny@example.org")
    assert later.pk > ids[-1]
    assert Candidate.objects.count() == 4
