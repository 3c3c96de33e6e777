"""Nurture sends to a pool segment: consent at queue time and at send time,
the frequency cap on both sides, the person's language, the undo delay, the
timeline and last contact, the preview and who may use the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.candidates.models import Tag
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work
from rekryt.privacy.models import Consent
from rekryt.talentpool import nurture
from rekryt.talentpool.models import Activity, ActivityKind, Member, Pool, PoolKind
from rekryt.talentpool.tests.test_pool import member_for, withdraw

TEXTS = {
    "sv": ("Nytt från oss", "Hej {candidate_first_name}, vi växer."),
    "en": ("News from us", "Hello {candidate_first_name}, we are growing."),
}


@pytest.fixture
def pool(org, rita):
    rita.email = "rita@example.org"
    rita.save()
    return Pool.objects.create(
        kind=PoolKind.AREA, name_sv="Utveckling", name_en="Engineering", slug="eng", owner=rita
    )


def later(minutes):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False)


def nurtures():
    return Message.objects.filter(kind=nurture.KIND)


def test_only_people_with_consent_are_mailed_and_the_rest_are_explained(pool, rita):
    yes = member_for(pool, "a@example.org")
    no = member_for(pool, "b@example.org", consent=False)
    found = nurture.preview(nurture.Segment(pool=pool))
    assert [m.pk for m in found.recipients] == [yes.pk]
    assert [(m.pk, why) for m, why in found.left_out] == [(no.pk, str(nurture.NO_CONSENT))]
    assert nurture.send(nurture.Segment(pool=pool), TEXTS, rita) == 1
    assert list(nurtures().values_list("to_email", flat=True)) == ["a@example.org"]


def test_an_expired_consent_removes_the_person_from_mailings(pool, rita):
    member = member_for(pool, "a@example.org")
    Consent.objects.filter(candidate=member.candidate).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    assert nurture.send(nurture.Segment(pool=pool), TEXTS, rita) == 0
    assert not nurtures().exists()


def test_each_person_gets_their_language_the_consent_link_and_the_undo_delay(pool, rita, org):
    sv = member_for(pool, "a@example.org")
    en = member_for(pool, "b@example.org")
    en.candidate.language = "en"
    en.candidate.save()
    nurture.send(nurture.Segment(pool=pool), TEXTS, rita)
    swedish = nurtures().get(candidate=sv.candidate)
    english = nurtures().get(candidate=en.candidate)
    assert swedish.subject == "Nytt från oss" and "Hej Per" in swedish.body_text
    assert english.subject == "News from us" and "Hello Per" in english.body_text
    assert "/privacy/consent/" in swedish.body_text and "/privacy/consent/" in english.body_text
    delay = timedelta(minutes=org.stage_email_delay_minutes)
    assert swedish.send_after >= timezone.now() + delay - timedelta(seconds=5)


def test_a_withdrawal_after_queueing_is_honoured_when_the_email_would_leave(pool, rita, org):
    member = member_for(pool, "a@example.org")
    kept = member_for(pool, "b@example.org")
    work()  # the registration receipts
    nurture.send(nurture.Segment(pool=pool), TEXTS, rita)
    withdraw(member.candidate)
    with later(org.stage_email_delay_minutes + 1):
        work()
    assert nurtures().get(candidate=member.candidate).status == MessageStatus.CANCELLED
    assert nurtures().get(candidate=kept.candidate).status == MessageStatus.SENT


@pytest.mark.parametrize(("days_ago", "capped"), [(13, True), (15, False)])
def test_the_frequency_cap_holds_on_both_sides(pool, rita, days_ago, capped):
    member = member_for(pool, "a@example.org")
    Activity.objects.create(
        member=member,
        kind=ActivityKind.NURTURE,
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    segment = nurture.Segment(pool=pool, min_days=14)
    assert bool(nurture.preview(segment).left_out) is capped
    assert nurture.send(segment, TEXTS, rita) == (0 if capped else 1)


def test_a_send_is_on_the_timeline_and_updates_last_contact(pool, rita):
    member = member_for(pool, "a@example.org")
    nurture.send(nurture.Segment(pool=pool), TEXTS, rita)
    member.refresh_from_db()
    assert member.last_contact == timezone.localdate()
    activity = member.activities.get(kind=ActivityKind.NURTURE)
    assert activity.message == nurtures().get() and activity.actor == rita
    # A second send at once is capped.
    assert nurture.send(nurture.Segment(pool=pool), TEXTS, rita) == 0


def test_the_segment_filters(pool, rita):
    tagged = member_for(pool, "a@example.org")
    other = member_for(pool, "b@example.org")
    tag = Tag.objects.create(name="Python")
    tagged.candidate.tags.add(tag)
    Member.objects.filter(pk=other.pk).update(last_contact=timezone.localdate())
    assert [m.pk for m in nurture.Segment(pool=pool, tag_id=tag.pk).members()] == [tagged.pk]
    since = nurture.Segment(pool=pool, not_contacted_since=timezone.localdate())
    assert [m.pk for m in since.members()] == [tagged.pk]
    assert not nurture.Segment(pool=pool, language="en").members().exists()


def post(client, pool, **fields):
    data = {"min_days": "14", "subject_sv": "Nytt", "text_sv": "Hej {candidate_first_name}"}
    return client.post(f"/staff/pools/{pool.pk}/nurture/", {**data, **fields})


def test_the_page_previews_then_sends(client, pool, rita):
    member_for(pool, "a@example.org")
    member_for(pool, "b@example.org", consent=False)
    client.force_login(rita)
    page = post(client, pool, action="preview").content.decode()
    assert "1 person will get it" in page or "1 person får" in page
    assert not nurtures().exists()
    assert post(client, pool, action="send").status_code == 200
    assert nurtures().count() == 1


def test_a_bad_placeholder_keeps_what_was_typed_and_sends_nothing(client, pool, rita):
    member_for(pool, "a@example.org")
    client.force_login(rita)
    page = post(client, pool, action="send", text_sv="Hej {förnamn} kvar här").content.decode()
    assert "kvar här" in page
    assert not nurtures().exists()


def test_staff_who_do_not_own_the_pool_get_404(client, pool, hanna):
    client.force_login(hanna)
    assert post(client, pool, action="send").status_code == 404


def test_the_page_has_constant_queries(client, pool, rita, django_assert_max_num_queries):
    client.force_login(rita)
    for i in range(3):
        member_for(pool, f"p{i}@example.org")
    with django_assert_max_num_queries(12) as small:
        post(client, pool, action="preview")
    for i in range(3, 12):
        member_for(pool, f"p{i}@example.org")
    with django_assert_max_num_queries(len(small.captured_queries)):
        post(client, pool, action="preview")


def test_a_job_alert_lists_the_chosen_open_jobs_with_their_ads(client, pool, rita):
    from conftest import make_job
    from rekryt.jobs.actions import close_job

    member_for(pool, "a@example.org")
    wanted = make_job(rita, title="Lagerchef {candidate_name}")
    closed = make_job(rita, title="Truckförare")
    make_job(rita, title="Ekonom")
    close_job(closed, rita)
    client.force_login(rita)
    page = post(client, pool, action="preview").content.decode()
    assert "Ekonom" in page and "Truckförare" not in page  # only open jobs to choose
    assert post(client, pool, action="send", jobs=[wanted.pk]).status_code == 200
    text = nurtures().get().body_text
    assert wanted.get_absolute_url() in text
    # The title is shown as typed: braces in it are not a placeholder.
    assert "Lagerchef {candidate_name}" in text
    assert "Ekonom" not in text
    assert text.index("Lagerchef") < text.index("Lämna talangpoolen")


def test_a_job_closed_before_sending_is_left_out_of_the_alert(pool, rita):
    from conftest import make_job
    from rekryt.jobs.actions import close_job

    member_for(pool, "a@example.org")
    kept, closed = make_job(rita, title="Ekonom"), make_job(rita, title="Truckförare")
    close_job(closed, rita)
    closed.refresh_from_db()
    assert nurture.send(nurture.Segment(pool=pool), TEXTS, rita, [kept, closed]) == 1
    text = nurtures().get().body_text
    assert "Ekonom" in text and "Truckförare" not in text
