"""Earlier applicants as suggestions: only with a future-contact consent in
force, never pool members twice, with the matched words and stage reached
as reasons, in the page and in the invitation; a withdrawal after queueing
stops the email."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import Consent, ConsentMethod, ConsentPurpose
from rekryt.talentpool import matching
from rekryt.talentpool.models import Member, Pool, PoolKind


def consent(candidate, given=True):
    record_consent(
        candidate,
        purpose=ConsentPurpose.FUTURE_CONTACT,
        given=given,
        text="future roles",
        method=ConsentMethod.APPLY_FORM,
        language="sv",
    )


@pytest.fixture
def jobs(org, rita):
    old = make_job(rita, title="Platform engineer")
    new = make_job(rita, title="Kubernetes engineer", requirements="Terraform and Python")
    return old, new


def applicant(old, about, agreed=True):
    application = make_application(old, about=about)
    if agreed:
        consent(application.candidate)
    return application


def test_only_consenting_earlier_applicants_are_suggested_with_reasons(jobs):
    old, new = jobs
    yes = applicant(old, "Kubernetes and Terraform every day")
    applicant(old, "Kubernetes too", agreed=False)
    found = matching.earlier_applicants(new)
    assert [e.candidate.pk for e in found] == [yes.candidate_id]
    assert found[0].matched == ["kubernetes", "terraform"]
    assert any("Platform engineer" in r for r in found[0].reasons)
    assert any("kubernetes, terraform" in r for r in found[0].reasons)


def test_an_expired_or_withdrawn_consent_removes_them(jobs):
    old, new = jobs
    expired = applicant(old, "Kubernetes")
    withdrawn = applicant(old, "Kubernetes")
    Consent.objects.filter(candidate=expired.candidate).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    consent(withdrawn.candidate, given=False)
    assert matching.earlier_applicants(new) == []


def test_pool_members_are_not_suggested_twice(jobs, rita):
    old, new = jobs
    member = applicant(old, "Kubernetes")
    pool = Pool.objects.create(kind=PoolKind.CUSTOM, name_sv="P", name_en="P", slug="p", owner=rita)
    Member.objects.create(pool=pool, candidate=member.candidate, intent="added")
    assert matching.earlier_applicants(new) == []


def test_the_invitation_says_why_and_a_later_withdrawal_stops_it(jobs, rita, org):
    old, new = jobs
    kept = applicant(old, "Kubernetes")
    gone = applicant(old, "Terraform")
    work()
    for earlier in matching.earlier_applicants(new):
        assert matching.invite_earlier(earlier, new, rita)
    invitations = Message.objects.filter(kind=matching.KIND)
    assert invitations.count() == 2
    assert "kubernetes" in invitations.get(candidate=kept.candidate).body_text
    assert "/privacy/consent/" in invitations.get(candidate=kept.candidate).body_text
    consent(gone.candidate, given=False)
    with time_machine.travel(timezone.now() + timedelta(minutes=60), tick=False):
        work()
    assert invitations.get(candidate=gone.candidate).status == MessageStatus.CANCELLED
    assert invitations.get(candidate=kept.candidate).status == MessageStatus.SENT
    # The cap: no second invitation within 14 days.
    assert not matching.invite_earlier(matching.earlier_applicants(new)[0], new, rita)


def test_the_page_shows_the_reasons_and_invites(client, jobs, rita):
    old, new = jobs
    person = applicant(old, "Kubernetes")
    client.force_login(rita)
    page = client.get(f"/staff/jobs/{new.pk}/suggestions/").content.decode()
    assert person.candidate.full_name in page and "kubernetes" in page
    client.post(f"/staff/jobs/{new.pk}/suggestions/earlier/{person.candidate_id}/invite/")
    assert Message.objects.filter(kind=matching.KIND).count() == 1


def test_someone_not_suggested_cannot_be_invited(client, jobs, rita):
    old, new = jobs
    person = applicant(old, "Kubernetes", agreed=False)
    client.force_login(rita)
    url = f"/staff/jobs/{new.pk}/suggestions/earlier/{person.candidate_id}/invite/"
    assert client.post(url).status_code == 404


def test_the_page_has_constant_queries(client, jobs, rita, django_assert_max_num_queries):
    old, new = jobs
    client.force_login(rita)
    for _ in range(2):
        applicant(old, "Kubernetes")
    with django_assert_max_num_queries(40) as small:
        client.get(f"/staff/jobs/{new.pk}/suggestions/")
    for _ in range(6):
        applicant(old, "Terraform")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/staff/jobs/{new.pk}/suggestions/")


def answered(application, jq, value):
    from rekryt.screening.models import Answer

    return Answer.objects.create(
        application=application,
        job_question=jq,
        kind=jq.question.kind,
        question_sv=jq.question.text_sv,
        question_en=jq.question.text_en,
        value=value,
        rule=jq.rule,
    )


@pytest.fixture
def licence(jobs):
    from rekryt.screening.models import QuestionKind, Rule
    from rekryt.screening.tests.helpers import ask, make_question

    old, new = jobs
    question = make_question(QuestionKind.YES_NO, "Har du B-körkort?", "Do you hold a licence?")
    years = make_question(QuestionKind.NUMBER, "Antal år?", "How many years?")
    asked_before = ask(old, question), ask(old, years)
    ask(new, question, rule=Rule.MUST, accepted=["yes"])
    ask(new, years, rule=Rule.MERIT, minimum=3, points_when_met=2)
    return asked_before


def test_answers_to_the_same_bank_question_meeting_this_jobs_criterion_are_a_reason(
    client, jobs, rita, licence
):
    old, new = jobs
    licence_q, years_q = licence
    yes = applicant(old, "Kubernetes")
    no = applicant(old, "Kubernetes")
    answered(yes, licence_q, "yes")
    answered(yes, years_q, "5")
    answered(no, licence_q, "no")
    answered(no, years_q, "2")
    found = {e.candidate.pk: e.reasons for e in matching.earlier_applicants(new)}
    assert any("Do you hold a licence?" in r or "B-körkort" in r for r in found[yes.candidate_id])
    assert any("How many years?" in r or "Antal år?" in r for r in found[yes.candidate_id])
    assert not any("licence" in r or "körkort" in r for r in found[no.candidate_id])
    assert not any("years" in r or "Antal" in r for r in found[no.candidate_id])
    client.force_login(rita)
    page = client.get(f"/staff/jobs/{new.pk}/suggestions/").content.decode()
    assert "körkort" in page or "licence" in page


def test_answers_keep_the_page_at_constant_queries(
    client, jobs, rita, licence, django_assert_max_num_queries
):
    old, new = jobs
    client.force_login(rita)
    for _ in range(2):
        answered(applicant(old, "Kubernetes"), licence[0], "yes")
    with django_assert_max_num_queries(40) as small:
        client.get(f"/staff/jobs/{new.pk}/suggestions/")
    for _ in range(6):
        answered(applicant(old, "Terraform"), licence[0], "yes")
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(f"/staff/jobs/{new.pk}/suggestions/")
    assert page.content.decode().count("Do you hold a licence?") >= 8


def test_a_window_full_of_people_without_consent_never_hides_those_with_it(jobs, monkeypatch):
    from rekryt.candidates import search

    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    old, new = jobs
    agreed = [applicant(old, "Kubernetes") for _ in range(3)]
    for _ in range(6):  # newer, so the newest-first window would hold only them
        applicant(old, "Kubernetes", agreed=False)
    found = [e.candidate.pk for e in matching.earlier_applicants(new)]
    assert sorted(found) == sorted(a.candidate_id for a in agreed)
    everyone = search.ranked("kubernetes", None)
    assert len(everyone.candidate_ids) == 4 and everyone.more
    assert not set(everyone.candidate_ids) & set(found)
