"""Registration, consent, the review queue, suggestions, invitations and the
frequency cap (issue 12, section 5), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_job
from rekryt.candidates.models import Candidate
from rekryt.messaging.models import Message
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import Consent, ConsentMethod, ConsentPurpose
from rekryt.screening.models import Question, QuestionKind
from rekryt.talentpool import actions, duties
from rekryt.talentpool.models import Activity, Intent, Member, Pool, PoolKind, PoolQuestion


@pytest.fixture
def pool(org, rita):
    rita.email = "rita@example.org"
    rita.save()
    return Pool.objects.create(
        kind=PoolKind.AREA,
        name_sv="Utveckling",
        name_en="Engineering",
        slug="engineering",
        owner=rita,
        public=True,
        answer_days=3,
    )


def join(client, slug="engineering", **fields):
    data = {
        "first_name": "Lina",
        "last_name": "Berg",
        "email": "lina@example.org",
        "intent": "future",
        "about": "Backend developer, Python and Django",
        "consent": "on",
        "website": "",
        **fields,
    }
    return client.post(f"/talent/{slug}/", data)


def test_the_form_says_there_is_no_open_position(client, pool):
    page = client.get("/talent/engineering/").content.decode()
    assert "There is no open position" in page or "Det finns ingen" in page


def test_an_active_seeker_gets_a_promise_and_the_owner_is_told(client, pool):
    response = join(client, intent="now")
    assert response.status_code == 200
    member = Member.objects.get()
    assert member.answer_due is not None
    assert member.answer_due > timezone.localdate()
    to = set(Message.objects.values_list("to_email", flat=True))
    assert to == {"lina@example.org", "rita@example.org"}
    receipt = Message.objects.get(to_email="lina@example.org")
    assert "/privacy/consent/" in receipt.body_text


def test_a_future_registration_gets_an_honest_automatic_reply(client, pool):
    join(client)
    receipt = Message.objects.get()
    assert receipt.to_email == "lina@example.org"
    assert Member.objects.get().answer_due is None


def test_a_known_address_never_changes_confirmed_details(client, pool):
    Candidate.objects.create(
        first_name="Lina", last_name="Original", email="lina@example.org", language="sv"
    )
    join(client, last_name="Impostor")
    assert Candidate.objects.get().last_name == "Original"


def test_hostile_input_is_refused_and_kept(client, pool):
    response = join(client, first_name="Lina\nBcc: x@example.org")
    assert response.status_code == 200
    assert Member.objects.count() == 0
    assert "Backend developer" in response.content.decode()
    assert join(client, website="spam").status_code == 200
    assert Member.objects.count() == 0


def test_a_missed_must_have_gets_honest_feedback(client, pool):
    question = Question.objects.create(
        text_sv="Har du arbetstillstånd?",
        text_en="Do you have a work permit?",
        kind=QuestionKind.YES_NO,
    )
    pq = PoolQuestion.objects.create(pool=pool, question=question, must_have=True)
    response = join(client, **{f"q{pq.pk}": "no"})
    assert Member.objects.get().must_haves_met is False
    assert "answered no to something" in response.content.decode() or "svarade nej" in (
        response.content.decode()
    )


def member_for(pool, email="per@example.org", consent=True, about="Python developer"):
    member = actions.register(
        pool,
        actions.Registration(
            first_name="Per",
            last_name="Ek",
            email=email,
            intent=Intent.FUTURE,
            about=about,
            language="sv",
        ),
    )
    if not consent:
        withdraw(member.candidate)
    return member


def withdraw(candidate):
    record_consent(
        candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        given=False,
        text="withdrawn",
        method=ConsentMethod.PORTAL,
        language="sv",
    )


def test_suggestions_need_consent_in_force(pool, rita):
    with_consent = member_for(pool, "a@example.org")
    member_for(pool, "b@example.org", consent=False)
    expired = member_for(pool, "c@example.org")
    Consent.objects.filter(candidate=expired.candidate).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    job = make_job(title="Python Developer", recruiter=rita)
    found = [s.member.pk for s in actions.suggestions(job)]
    assert found == [with_consent.pk]


def test_a_withdrawal_is_honoured_at_once(pool, rita):
    member = member_for(pool)
    job = make_job(title="Python Developer", recruiter=rita)
    assert actions.suggestions(job)
    withdraw(member.candidate)
    assert actions.suggestions(job) == []
    assert actions.invite(member, job, rita, ["x"]) is False


def test_an_invitation_says_why_and_waits_the_undo_delay(pool, rita):
    member = member_for(pool)
    job = make_job(title="Python Developer", recruiter=rita)
    suggestion = actions.suggestions(job)[0]
    assert actions.invite(member, job, rita, suggestion.reasons)
    message = Message.objects.filter(kind="talentpool_invitation").get()
    assert "Utveckling" in message.body_text or "Engineering" in message.body_text
    assert message.send_after > timezone.now()
    assert Activity.objects.filter(member=member, kind="invited").exists()


def test_the_frequency_cap_holds(pool, rita):
    member = member_for(pool)
    assert actions.nurture_allowed(member.candidate)
    job = make_job(title="Python Developer", recruiter=rita)
    actions.invite(member, job, rita, ["x"])
    assert not actions.nurture_allowed(member.candidate)
    later = timezone.now() + timedelta(days=actions.NURTURE_MIN_DAYS + 1)
    assert actions.nurture_allowed(member.candidate, now=later)


def test_the_review_queue_shows_everyone_due(pool, rita):
    new = member_for(pool, "new@example.org")
    seen = member_for(pool, "seen@example.org")
    actions.mark_reviewed(seen, rita)
    overdue = member_for(pool, "over@example.org")
    actions.mark_reviewed(overdue, rita)
    Member.objects.filter(pk=overdue.pk).update(next_contact=timezone.localdate())
    owed = actions.register(
        pool,
        actions.Registration(
            first_name="O",
            last_name="W",
            email="owed@example.org",
            intent=Intent.NOW,
            about="",
            language="sv",
        ),
    )
    Member.objects.filter(pk=owed.pk).update(reviewed_at=timezone.now())
    due = set(actions.review_queue(rita).values_list("pk", flat=True))
    assert due == {new.pk, overdue.pk, owed.pk}


def test_the_weekly_digest_goes_once(pool, rita):
    member_for(pool)
    Message.objects.all().delete()
    duty = duties.SendReviewDigests()
    assert duty.handle_one() == 1
    assert Message.objects.filter(to_email="rita@example.org").count() == 1
    duty.next_at = timezone.now()
    assert duty.handle_one() == 0


def test_the_queue_page_and_member_page(client, pool, rita, hanna):
    member = member_for(pool)
    client.force_login(rita)
    assert "Per Ek" in client.get("/staff/pools/").content.decode()
    assert client.get(f"/staff/pools/members/{member.pk}/").status_code == 200
    client.post(f"/staff/pools/members/{member.pk}/", {"note": "Ringde", "answered": "1"})
    member.refresh_from_db()
    assert member.answered_at is not None and "Ringde" in member.note
    client.force_login(hanna)
    assert client.get(f"/staff/pools/members/{member.pk}/").status_code == 404


def test_export_and_erasure(pool):
    from rekryt.talentpool import personal_data

    member = member_for(pool)
    exported = personal_data.export(member.candidate)
    assert exported["talent_pools"][0]["pool"] == "Engineering"
    personal_data.erase(member.candidate)
    assert not Member.objects.exists()


def test_candidate_search_finds_pool_members_for_those_who_may_see_the_pool(
    client, pool, rita, hanna
):
    member_for(pool, about="Erfaren utvecklare inom Kubernetes")
    client.force_login(rita)
    response = client.get("/staff/candidates/", {"q": "kubernetes"})
    assert [c.email for c in response.context["page"].object_list] == ["per@example.org"]
    assert "<mark>Kubernetes</mark>" in response.content.decode()
    client.force_login(hanna)
    response = client.get("/staff/candidates/", {"q": "kubernetes"})
    assert list(response.context["page"].object_list) == []
