"""Role × URL matrix: every URL of the project is classified here, and every
staff URL is checked against every persona.

- anonymous visitors are sent to the login page (or get 404/405);
- staff without the role, and staff outside the job's team (otto, ivan),
  get 404, never the page;
- the roles that may use it get neither 403 nor 404.

A URL added anywhere in the project and missing from ACCESS fails
`test_every_url_is_classified` with a message saying what to add."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import make_application
from rekryt.accounts.models import StaffInvite
from rekryt.applications.actions import Upload
from rekryt.applications.models import Application, BulkRejection, RejectionReason
from rekryt.candidates.models import DocumentKind
from rekryt.jobs.models import Job, StageTemplate
from rekryt.lib.pdfgen import text_pdf
from rekryt.messaging.models import EmailTemplate, Message
from rekryt.privacy.models import AccessRequest, LegalHold, RequestChannel, RequestKind
from rekryt.screening.actions import add_job_question
from rekryt.screening.models import JobTest, Question, QuestionKind
from rekryt.surveys.models import SurveyQuestion

# Who may use a URL.
PUBLIC = "public"  # anyone: career site, application form, portal, surveys
SIGN_IN = "sign-in"  # signing in and out, invitations, allauth's own pages
STAFF = "staff"  # every signed-in staff member
DECIDERS = "deciders"  # everyone but interviewers
ON_JOB = "on-job"  # admins, recruiters and the job's hiring team
RECRUITERS = "recruiters"  # admins and recruiters
ADMINS = "admins"  # admins only
APPROVERS = "approvers"  # admins and the job's hiring managers (offer approval)

PERSONAS = ["alice", "rita", "hanna", "otto", "ivan"]
ALLOWED: dict[str, set[str]] = {
    STAFF: {"alice", "rita", "hanna", "otto", "ivan"},
    DECIDERS: {"alice", "rita", "hanna", "otto"},
    ON_JOB: {"alice", "rita", "hanna"},
    RECRUITERS: {"alice", "rita"},
    ADMINS: {"alice"},
    APPROVERS: {"alice", "hanna"},
}


@dataclass
class World:
    """Real objects for URL arguments, on `job` (hanna's team, not otto's)."""

    job: Job
    application: Application
    document_pk: int
    stage_pk: int
    message_pk: int
    template_pk: int
    stage_template_pk: int
    reason_pk: int
    question_pk: int
    bulk_pk: int
    invite_pk: int
    person_pk: int
    hold_pk: int
    request_pk: int
    screening_pk: int = 0
    job_question_pk: int = 0
    job_test_pk: int = 0


# A real one-page PDF: the CV viewer renders its page.
PDF = text_pdf("Anna Lindqvist")


def build_world(job: Job, person_pk: int) -> World:
    upload = Upload(
        kind=DocumentKind.CV,
        file=ContentFile(PDF, name="upload"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )
    application = make_application(job, uploads=[upload])
    message = Message.objects.filter(application=application).first()
    assert message is not None, "the application form queues a confirmation"
    Message.objects.filter(pk=message.pk).update(to_mailbox=True)
    reason = RejectionReason.objects.first()
    assert reason is not None
    bulk = BulkRejection.objects.create(job=job, reason=reason, total=0)
    invite = StaffInvite.objects.create(
        email="new@example.com",
        first_name="New",
        role="interviewer",
        token_hash=hashlib.sha256(str(application.pk).encode()).hexdigest(),
        expires_at=timezone.now() + timedelta(days=7),
    )
    hold = LegalHold.objects.create(candidate=application.candidate, reason="A dispute")
    access_request = AccessRequest.objects.create(
        candidate=application.candidate,
        kind=RequestKind.ERASURE,
        channel=RequestChannel.EMAIL,
        due_at=timezone.now() + timedelta(days=30),
    )
    return World(
        job=job,
        application=application,
        document_pk=application.documents.get().pk,
        stage_pk=job.stages.first().pk,  # type: ignore[union-attr]
        message_pk=message.pk,
        template_pk=EmailTemplate.objects.first().pk,  # type: ignore[union-attr]
        stage_template_pk=StageTemplate.objects.first().pk,  # type: ignore[union-attr]
        reason_pk=reason.pk,
        question_pk=SurveyQuestion.objects.create(text_sv="Fråga", text_en="Question").pk,
        bulk_pk=bulk.pk,
        invite_pk=invite.pk,
        person_pk=person_pk,
        hold_pk=hold.pk,
        request_pk=access_request.pk,
        **screening_question(job),
    )


def screening_question(job: Job) -> dict[str, int]:
    bank = Question.objects.create(kind=QuestionKind.YES_NO, text_sv="Körkort?", text_en="Licence?")
    return {
        "screening_pk": bank.pk,
        "job_question_pk": add_job_question(job, bank).pk,
        "job_test_pk": JobTest.objects.get_or_create(job=job, kind="logic")[0].pk,
    }


Args = Callable[[World], dict[str, Any]]


def none(w: World) -> dict[str, Any]:
    return {}


def slug(w: World) -> dict[str, Any]:
    return {"slug": w.job.slug}


def slug_token(w: World) -> dict[str, Any]:
    return {"slug": w.job.slug, "token": "no-such-token"}


def token(w: World) -> dict[str, Any]:
    return {"token": "no-such-token"}


def version(w: World) -> dict[str, Any]:
    return {"version": 1}


def purpose(w: World) -> dict[str, Any]:
    return {"purpose": "future_contact"}


def hold(w: World) -> dict[str, Any]:
    return {"pk": w.hold_pk}


def access_request(w: World) -> dict[str, Any]:
    return {"pk": w.request_pk}


def job(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk}


def job_stage(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "stage_pk": w.stage_pk}


def application(w: World) -> dict[str, Any]:
    return {"pk": w.application.pk}


def application_note(w: World) -> dict[str, Any]:
    from rekryt.applications.models import Note

    note = Note.objects.create(application=w.application, author=None, body="A note")
    return {"pk": w.application.pk, "note_pk": note.pk}


def candidate(w: World) -> dict[str, Any]:
    return {"pk": w.application.candidate_id}


def document(w: World) -> dict[str, Any]:
    return {"pk": w.document_pk}


def message(w: World) -> dict[str, Any]:
    return {"pk": w.message_pk}


def template(w: World) -> dict[str, Any]:
    return {"pk": w.template_pk}


def webhook(w: World) -> dict[str, Any]:
    from rekryt.api.models import Endpoint

    return {"pk": Endpoint.objects.create(url="https://93.184.216.34/hook").pk}


def api_token(w: World) -> dict[str, Any]:
    """A token of a colleague who is none of the personas."""
    from rekryt.accounts.models import Role, User
    from rekryt.api.tokens import create_token

    tina, _new = User.objects.get_or_create(username="tina", defaults={"role": Role.RECRUITER})
    return {"pk": create_token(tina, "matrix", ["jobs:read"], 30, tina).token.pk}


def import_job(w: World) -> dict[str, Any]:
    """A finished import (its mapping page sends on to its progress)."""
    from rekryt.imports.models import ImportJob, Status

    job, _new = ImportJob.objects.get_or_create(
        token="m" * 32,
        defaults={"original_name": "p.csv", "status": Status.DONE, "refused": [[2, "email", "x"]]},
    )
    return {"token": job.token}


def webhook_delivery(w: World) -> dict[str, Any]:
    from rekryt.api.models import Delivery, EventType

    pk = webhook(w)["pk"]
    delivery = Delivery.objects.create(
        endpoint_id=pk, event_type=EventType.APPLICATION_CREATED, payload={}, status="failed"
    )
    return {"pk": pk, "delivery_pk": delivery.pk}


def stage_template(w: World) -> dict[str, Any]:
    return {"pk": w.stage_template_pk}


def reason(w: World) -> dict[str, Any]:
    return {"pk": w.reason_pk}


def question(w: World) -> dict[str, Any]:
    return {"pk": w.question_pk}


def screening_question_pk(w: World) -> dict[str, Any]:
    return {"pk": w.screening_pk}


def job_test(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "test_pk": w.job_test_pk}


def job_question(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "jq_pk": w.job_question_pk}


def bulk(w: World) -> dict[str, Any]:
    return {"pk": w.bulk_pk}


def invite(w: World) -> dict[str, Any]:
    return {"pk": w.invite_pk}


def person(w: World) -> dict[str, Any]:
    return {"pk": w.person_pk}


def job_template(w: World) -> dict[str, Any]:
    from rekryt.jobs.models import JobTemplate

    found, _created = JobTemplate.objects.get_or_create(name="Matrix")
    return {"pk": found.pk}


def document_page(w: World) -> dict[str, Any]:
    return {"pk": w.document_pk, "page": 1}


def conversation_message(w: World) -> dict[str, Any]:
    """A recruiter's email still waiting (made on first use)."""
    from rekryt.conversations.actions import write_to_candidate

    found = Message.objects.filter(application=w.application, kind="conversation").first()
    if found is None:
        found = write_to_candidate(w.application, w.job.recruiter, "Hej", "Hej!", "matrix")  # type: ignore[arg-type]
    return {"pk": found.pk}


def writing_template(w: World) -> dict[str, Any]:
    from rekryt.conversations.models import WritingTemplate

    found, _created = WritingTemplate.objects.get_or_create(
        name_en="Call",
        defaults={
            "name_sv": "Samtal",
            "subject_sv": "Hej",
            "subject_en": "Hi",
            "body_sv": "Hej",
            "body_en": "Hi",
        },
    )
    return {"pk": found.pk}


def application_tag(w: World) -> dict[str, Any]:
    from rekryt.candidates.models import Tag

    tag, _created = Tag.objects.get_or_create(name="Matrix")
    return {"pk": w.application.pk, "tag_pk": tag.pk}


def interviews(w: World) -> dict[str, Any]:
    """The interview objects the interviews URLs take, made once per world:
    an interview whose interviewers are alice, rita and hanna (so each may
    fill in its scorecard), a second application whose interview hanna
    alone held and scored, a time offered, a video question and a recording."""
    found = w.__dict__.get("interviews")
    if found is not None:
        return found
    from django.contrib.auth import get_user_model

    from rekryt.interviews import scheduling
    from rekryt.interviews.actions import save_scorecard
    from rekryt.interviews.models import Question as KitQuestion
    from rekryt.interviews.models import VideoAnswer, VideoQuestion
    from rekryt.interviews.tests.helpers import plan, slot

    people = {u.username: u for u in get_user_model().objects.filter(username__in=PERSONAS)}
    step = plan(w.job)
    booked = scheduling.book_directly(
        w.application,
        step,
        timezone.now() + timedelta(days=2),
        # alice is not made for the public URLs' test.
        [people[name] for name in ("alice", "rita", "hanna") if name in people],
        people["rita"],
    )
    other = make_application(w.job)
    held = scheduling.book_directly(
        other, step, timezone.now() + timedelta(days=3), [people["hanna"]], people["rita"]
    )
    card = save_scorecard(held, people["hanna"], {}, "yes", "", submit=True)
    offered = slot(step, timezone.now() + timedelta(days=4))
    asked = VideoQuestion.objects.create(job=w.job, text_sv="Varför?", text_en="Why?")
    recording = VideoAnswer.objects.create(
        application=w.application, question=asked, content_type="video/webm", size=4
    )
    recording.file.save("answer", ContentFile(b"\x1a\x45\xdf\xa3"), save=True)
    found = {
        "step": step.pk,
        "question": KitQuestion.objects.filter(step=step).first().pk,  # type: ignore[union-attr]
        "interview": booked.pk,
        "scorecard": card.pk,
        "slot": offered.pk,
        "video_question": asked.pk,
        "recording": recording.pk,
    }
    w.__dict__["interviews"] = found
    return found


def iv_job_step(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "step_pk": interviews(w)["step"]}


def iv_job_question(w: World) -> dict[str, Any]:
    made = interviews(w)
    return {"pk": w.job.pk, "step_pk": made["step"], "question_pk": made["question"]}


def iv_job_slot(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "slot_pk": interviews(w)["slot"]}


def iv_job_video(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "question_pk": interviews(w)["video_question"]}


def iv_interview(w: World) -> dict[str, Any]:
    return {"pk": interviews(w)["interview"]}


def iv_scorecard(w: World) -> dict[str, Any]:
    return {"pk": interviews(w)["scorecard"]}


def iv_recording(w: World) -> dict[str, Any]:
    return {"pk": interviews(w)["recording"]}


def ref_referee(w: World) -> dict[str, Any]:
    from rekryt.references.tests.helpers import referee

    return {"pk": w.application.pk, "referee_pk": referee(w.application).pk}


def iv_portal_video(w: World) -> dict[str, Any]:
    return {"pk": w.application.pk, "question": interviews(w)["video_question"]}


def onboarding(w: World) -> dict[str, Any]:
    """A hire on `job` with its onboarding, checklist and one uploaded file,
    made once per world."""
    found = w.__dict__.get("onboarding")
    if found is not None:
        return found
    from rekryt.applications.actions import set_outcome
    from rekryt.onboarding.models import Onboarding, Upload
    from rekryt.onboarding.tests.helpers import policy

    hired = make_application(w.job)
    set_outcome(hired, "hired", None)
    made = Onboarding.objects.get(application=hired)
    upload = Upload(onboarding=made, kind="id", original_name="id.pdf", size=len(PDF))
    upload.content_type, upload.sha256 = "application/pdf", hashlib.sha256(PDF).hexdigest()
    upload.file.save("x.bin", ContentFile(PDF))
    found = {"pk": made.pk, "task": made.tasks.first().pk, "file": upload.pk}
    found["material"] = policy().pk
    w.__dict__["onboarding"] = found
    return found


def onb(w: World) -> dict[str, Any]:
    return {"pk": onboarding(w)["pk"]}


def onb_task(w: World) -> dict[str, Any]:
    return {"pk": onboarding(w)["task"]}


def onb_file(w: World) -> dict[str, Any]:
    return {"pk": onboarding(w)["file"]}


def onb_material(w: World) -> dict[str, Any]:
    made = onboarding(w)
    return {"pk": made["pk"], "material": made["material"]}


def campaign(w: World) -> dict[str, Any]:
    """A campaign of the world's job, with one channel, made once per world."""
    found = w.__dict__.get("campaign")
    if found is None:
        from rekryt.campaigns.tests.helpers import campaign as make_campaign
        from rekryt.campaigns.tests.helpers import channel

        made = make_campaign([w.job])
        found = {"campaign": made.pk, "channel": channel(made, f"matrix-{made.pk}")}
        w.__dict__["campaign"] = found
    return found


def campaign_pk(w: World) -> dict[str, Any]:
    return {"pk": campaign(w)["campaign"]}


def channel_pk(w: World) -> dict[str, Any]:
    return {"pk": campaign(w)["channel"].pk}


def channel_code(w: World) -> dict[str, Any]:
    return {"code": campaign(w)["channel"].code}


def talent(w: World) -> dict[str, Any]:
    """A public area pool owned by the job's recruiter, with the
    application's candidate in it, consenting and matching the job's title."""
    found = w.__dict__.get("talent")
    if found is not None:
        return found  # type: ignore[no-any-return]
    from rekryt.talentpool import actions
    from rekryt.talentpool.models import Intent, Pool, PoolKind

    pool = Pool.objects.create(
        kind=PoolKind.AREA,
        name_sv=f"Utveckling {w.job.pk}",
        name_en=f"Engineering {w.job.pk}",
        slug=f"engineering-{w.application.pk}-{Pool.objects.count()}",
        owner=w.job.recruiter,
        public=True,
    )
    candidate = w.application.candidate
    member = actions.register(
        pool,
        actions.Registration(
            first_name=candidate.first_name,
            last_name=candidate.last_name,
            email=candidate.email,
            intent=Intent.NOW,
            about=w.job.title,
            language="sv",
        ),
    )
    w.__dict__["talent"] = {"slug": pool.slug, "member": member.pk}
    return w.__dict__["talent"]


def tp_area(w: World) -> dict[str, Any]:
    return {"slug": talent(w)["slug"]}


def tp_member(w: World) -> dict[str, Any]:
    return {"pk": talent(w)["member"]}


def tp_invite(w: World) -> dict[str, Any]:
    return {"pk": w.job.pk, "member_pk": talent(w)["member"]}


def tp_pool(w: World) -> dict[str, Any]:
    from rekryt.talentpool.models import Member

    return {"pk": Member.objects.get(pk=talent(w)["member"]).pool_id}


def tp_departure(w: World) -> dict[str, Any]:
    """A hire on the world's job marked as having left."""
    from rekryt.applications.models import Outcome
    from rekryt.talentpool.models import Departure

    hire = make_application(w.job)
    Application.objects.filter(pk=hire.pk).update(outcome=Outcome.HIRED)
    Departure.objects.create(application=hire, left_on=timezone.localdate())
    return {"pk": hire.pk}


def tp_invite_earlier(w: World) -> dict[str, Any]:
    """An applicant for another job who agreed to future contact and whose
    text matches the world's job's title (a suggested earlier applicant)."""
    from conftest import make_job
    from rekryt.privacy.consent import record_consent
    from rekryt.privacy.models import ConsentMethod, ConsentPurpose

    other = make_application(make_job(w.job.recruiter, title="Other"), about=w.job.title)
    record_consent(
        other.candidate,
        purpose=ConsentPurpose.FUTURE_CONTACT,
        given=True,
        text="future",
        method=ConsentMethod.APPLY_FORM,
        language="sv",
    )
    return {"pk": w.job.pk, "candidate_pk": other.candidate_id}


def offers(w: World) -> dict[str, Any]:
    """An offer awaiting approval (asked for by rita), one sent and one
    accepted, each on its own application of the world's job, and a template."""
    found = w.__dict__.get("offers")
    if found is not None:
        return found
    from rekryt.accounts.models import User
    from rekryt.offers import actions as offer_actions
    from rekryt.offers.tests.helpers import draft, sent, signature, template

    rita = User.objects.get(username="rita")
    pending = draft(make_application(w.job), rita, needs_approval=True)
    offer_actions.ask_approval(pending, rita)
    shown = sent(make_application(w.job), rita)
    signed = sent(make_application(w.job), rita)
    offer_actions.accept_offer(signed, signature(signed))
    found = {
        "pending": pending.pk,
        "sent": shown.pk,
        "signed": signed.pk,
        "template": template().pk,
    }
    w.__dict__["offers"] = found
    return found


def of_pending(w: World) -> dict[str, Any]:
    return {"pk": offers(w)["pending"]}


def of_sent(w: World) -> dict[str, Any]:
    return {"pk": offers(w)["sent"]}


def of_signed(w: World) -> dict[str, Any]:
    return {"pk": offers(w)["signed"]}


def of_template(w: World) -> dict[str, Any]:
    return {"pk": offers(w)["template"]}


# Every URL name of the project -> (who may use it, its arguments).
ACCESS: dict[str, tuple[str, Args]] = {
    # Public: the career site, the application form, the portal, surveys.
    "brand_css": (PUBLIC, none),
    "organisation_logo": (PUBLIC, none),
    "healthz": (PUBLIC, none),
    "career_list": (PUBLIC, none),
    "career_job": (PUBLIC, slug),
    "sitemap": (PUBLIC, none),
    "apply": (PUBLIC, slug),
    "applied": (PUBLIC, slug_token),
    "future_contact": (PUBLIC, token),
    "portal_home": (PUBLIC, none),
    "portal_interview": (PUBLIC, iv_interview),
    "portal_interview_other_times": (PUBLIC, iv_interview),
    "portal_interview_cancel": (PUBLIC, iv_interview),
    "portal_interview_ics": (PUBLIC, iv_interview),
    "portal_video": (PUBLIC, application),
    "portal_video_start": (PUBLIC, iv_portal_video),
    "portal_video_chunk": (PUBLIC, iv_portal_video),
    "portal_video_finish": (PUBLIC, iv_portal_video),
    "portal_video_written": (PUBLIC, iv_portal_video),
    "interview_device_check": (PUBLIC, none),
    "interview_ping": (PUBLIC, none),
    "interview_feed": (PUBLIC, token),
    "campaign_short_link": (PUBLIC, channel_code),
    "feed_indeed": (PUBLIC, none),
    "feed_linkedin": (PUBLIC, none),
    "embed_jobs": (PUBLIC, none),
    "embed_jobs_json": (PUBLIC, none),
    "reference_answer": (PUBLIC, token),
    "reference_decline": (PUBLIC, token),
    "portal_references": (PUBLIC, application),
    "portal_referee_remove": (PUBLIC, ref_referee),
    "portal_offer": (PUBLIC, of_sent),
    "portal_offer_decline": (PUBLIC, of_sent),
    "portal_offer_pdf": (PUBLIC, of_sent),
    "portal_offer_signed_pdf": (PUBLIC, of_signed),
    "portal_token": (PUBLIC, token),
    "portal_new_link": (PUBLIC, none),
    "portal_new_link_sent": (PUBLIC, none),
    "portal_sign_out": (PUBLIC, none),
    "portal_signed_out": (PUBLIC, none),
    "portal_details": (PUBLIC, none),
    "portal_write": (PUBLIC, application),
    "portal_withdraw": (PUBLIC, application),
    "portal_cv": (PUBLIC, application),
    "portal_use_details": (PUBLIC, application),
    "portal_add_sent_again": (PUBLIC, application),  # a resubmission's pk: none here
    "portal_discard_sent_again": (PUBLIC, application),
    "survey_thanks": (PUBLIC, none),
    "survey_answer": (PUBLIC, token),
    "survey_unsubscribe": (PUBLIC, token),
    "set_language": (PUBLIC, none),
    "privacy_notice": (PUBLIC, none),
    "privacy_notice_version": (PUBLIC, version),
    "privacy_consent_renew": (PUBLIC, token),
    "talent_join": (PUBLIC, none),
    "talent_join_area": (PUBLIC, tp_area),
    "talentpool_pools": (STAFF, none),
    "talentpool_member": (RECRUITERS, tp_member),
    "talentpool_suggestions": (RECRUITERS, job),
    "talentpool_invite": (RECRUITERS, tp_invite),
    "talentpool_invite_earlier": (RECRUITERS, tp_invite_earlier),
    "talentpool_nurture": (RECRUITERS, tp_pool),
    "talentpool_mark_left": (ADMINS, application),
    "talentpool_undo_left": (ADMINS, tp_departure),
    "portal_privacy": (PUBLIC, none),
    "test_link": (PUBLIC, token),
    "portal_tests": (PUBLIC, none),
    "portal_test": (PUBLIC, application),  # an invitation's pk: none here
    "portal_privacy_consent": (PUBLIC, purpose),
    "rights_portal_data": (PUBLIC, none),
    "rights_portal_link": (PUBLIC, none),
    "rights_portal_link_sent": (PUBLIC, none),
    "rights_portal_erase": (PUBLIC, none),
    "rights_portal_erase_sent": (PUBLIC, none),
    "rights_portal_download": (PUBLIC, token),
    # Signing in: reachable before login by design.
    "accept_invite": (SIGN_IN, token),
    "account_reset_password": (SIGN_IN, none),  # in front of allauth's own
    "account_email": (SIGN_IN, none),  # allauth's email page, switched off (404)
    "socialaccount_connections": (SIGN_IN, none),  # allauth's SSO links page, off (404)
    # allauth's redirects from its old social URLs (RedirectView, unnamed).
    "staff/account/social/connections/": (SIGN_IN, none),
    "staff/account/social/login/cancelled/": (SIGN_IN, none),
    "staff/account/social/login/error/": (SIGN_IN, none),
    "staff/account/social/signup/": (SIGN_IN, none),
    # Staff.
    "dashboard": (STAFF, none),
    "candidate_list": (STAFF, none),
    "board": (ON_JOB, job),
    "board_column": (ON_JOB, job_stage),
    "application_detail": (ON_JOB, application),
    "application_move": (ON_JOB, application),
    "application_undo_move": (ON_JOB, application),
    "application_outcome": (ON_JOB, application),
    "application_reopen": (ON_JOB, application),
    "application_note": (ON_JOB, application),
    "application_mentions_cancel": (ON_JOB, application_note),
    "application_reject": (ON_JOB, application),
    "bulk_reject": (ON_JOB, job),
    "bulk_rejection": (ON_JOB, bulk),
    "candidate_detail": (ON_JOB, candidate),
    "document_download": (ON_JOB, document),
    "document_page": (ON_JOB, document_page),
    "application_tag_add": (ON_JOB, application),
    "application_tag_remove": (ON_JOB, application_tag),
    "conversation_write": (ON_JOB, application),
    "conversation_mark_read": (ON_JOB, application),
    "conversation_undo": (ON_JOB, conversation_message),
    "conversation_bulk_write": (ON_JOB, job),
    "unread_replies": (STAFF, none),
    "writing_templates": (ADMINS, none),
    "writing_template_new": (ADMINS, none),
    "writing_template_edit": (ADMINS, writing_template),
    "waiting": (DECIDERS, none),
    "waiting_figures": (DECIDERS, none),
    "job_create": (RECRUITERS, none),
    "job_edit": (RECRUITERS, job),
    "job_duplicate": (RECRUITERS, job),
    "job_save_template": (RECRUITERS, job),
    "job_templates": (RECRUITERS, none),
    "job_template_delete": (RECRUITERS, job_template),
    "job_preview": (RECRUITERS, job),
    "job_publish": (RECRUITERS, job),
    "job_close": (RECRUITERS, job),
    "job_close_confirm": (RECRUITERS, job),
    "job_stages": (RECRUITERS, job),
    "job_stage_rename": (RECRUITERS, job_stage),
    "job_stage_move": (RECRUITERS, job_stage),
    "job_stage_delete": (RECRUITERS, job_stage),
    "job_screening": (RECRUITERS, job),
    "job_question_edit": (RECRUITERS, job_question),
    "job_question_move": (RECRUITERS, job_question),
    "job_question_remove": (RECRUITERS, job_question),
    "screening_applications": (ON_JOB, job),
    "question_bank": (RECRUITERS, none),
    "question_new": (RECRUITERS, none),
    "question_edit": (RECRUITERS, screening_question_pk),
    "job_blind": (RECRUITERS, job),
    "job_test_add": (RECRUITERS, job),
    "job_test_remove": (RECRUITERS, job_test),
    "blind_reveal": (ADMINS, application),
    "blind_document": (ON_JOB, document),
    "message_cancel": (RECRUITERS, message),
    "message_preview": (ON_JOB, message),
    "message_preview_html": (ON_JOB, message),
    "cnps_dashboard": (RECRUITERS, none),
    "cnps_export": (RECRUITERS, none),
    "stage_templates": (ADMINS, none),
    "stage_template_rename": (ADMINS, stage_template),
    "stage_template_move": (ADMINS, stage_template),
    "stage_template_delete": (ADMINS, stage_template),
    "mailbox": (ADMINS, none),
    "mailbox_message": (ADMINS, message),
    "mailbox_message_html": (ADMINS, message),
    "outbox": (ADMINS, none),
    "template_list": (ADMINS, none),
    "template_edit": (ADMINS, template),
    "template_preview_html": (ADMINS, template),
    "survey_questions": (ADMINS, none),
    "survey_question_edit": (ADMINS, question),
    "settings_home": (ADMINS, none),
    "settings_organisation": (ADMINS, none),
    "settings_security": (ADMINS, none),
    "settings_reasons": (ADMINS, none),
    "settings_reason_edit": (ADMINS, reason),
    "settings_reason_move": (ADMINS, reason),
    "settings_reason_active": (ADMINS, reason),
    "settings_reason_delete": (ADMINS, reason),
    "webhook_endpoints": (ADMINS, none),
    "webhook_endpoint": (ADMINS, webhook),
    "webhook_rotate_secret": (ADMINS, webhook),
    "webhook_delete": (ADMINS, webhook),
    "webhook_resend": (ADMINS, webhook_delivery),
    "staff_people": (ADMINS, none),
    "staff_invite": (ADMINS, none),
    "staff_invite_revoke": (ADMINS, invite),
    "staff_person": (ADMINS, person),
    "rights_candidate": (ON_JOB, candidate),
    "privacy_holds": (RECRUITERS, none),
    "privacy_hold_candidate": (RECRUITERS, candidate),
    "privacy_hold_job": (RECRUITERS, job),
    "privacy_hold_release": (RECRUITERS, hold),
    "privacy_staff_consent": (RECRUITERS, candidate),
    "privacy_retention": (RECRUITERS, none),
    "rights_request_list": (RECRUITERS, none),
    "rights_request_new": (RECRUITERS, none),
    "rights_request_detail": (RECRUITERS, access_request),
    "rights_request_export": (RECRUITERS, access_request),
    "rights_request_extend": (RECRUITERS, access_request),
    "rights_request_answered": (RECRUITERS, access_request),
    "rights_request_refuse": (RECRUITERS, access_request),
    "rights_request_erase": (RECRUITERS, access_request),
    "rights_candidate_export": (RECRUITERS, candidate),
    "rights_candidate_erase": (RECRUITERS, candidate),
    # Interviews: the job's plan is the recruiters'; scheduling, kits and the
    # comparison are the job's deciders'; everyone has their own interviews.
    "interview_plan": (RECRUITERS, job),
    "interview_category_add": (RECRUITERS, job),
    "interview_attribute_add": (RECRUITERS, job),
    "interview_template_copy": (RECRUITERS, job),
    "interview_step_add": (RECRUITERS, job),
    "interview_step": (RECRUITERS, iv_job_step),
    "interview_question_add": (RECRUITERS, iv_job_step),
    "interview_question_remove": (RECRUITERS, iv_job_question),
    "interview_slots_add": (RECRUITERS, job),
    "interview_slot_remove": (RECRUITERS, iv_job_slot),
    "video_question_add": (RECRUITERS, job),
    "video_question_remove": (RECRUITERS, iv_job_video),
    "interview_compare": (ON_JOB, job),
    "interview_offer": (ON_JOB, application),
    "interview_book": (ON_JOB, application),
    "interview_kit": (ON_JOB, iv_interview),
    "scorecard_edit": (ON_JOB, iv_interview),
    "interview_move": (ON_JOB, iv_interview),
    "interview_cancel": (ON_JOB, iv_interview),
    "interview_undo": (ON_JOB, iv_interview),
    "scorecard_detail": (ON_JOB, iv_scorecard),
    "video_recording": (ON_JOB, iv_recording),
    "portal_onboarding": (PUBLIC, onb),
    "portal_onboarding_confirm": (PUBLIC, onb_material),
    "portal_onboarding_details": (PUBLIC, onb),
    "portal_onboarding_upload": (PUBLIC, onb),
    "portal_onboarding_pay": (PUBLIC, onb),
    "onboarding_upcoming": (STAFF, none),
    "onboarding_detail": (ON_JOB, onb),
    "onboarding_invite": (ON_JOB, onb),
    "onboarding_undo_invite": (ON_JOB, onb),
    "onboarding_complete": (ON_JOB, onb),
    "onboarding_handover": (ON_JOB, onb),
    "onboarding_handover_json": (ON_JOB, onb),
    "onboarding_pay_handed_over": (RECRUITERS, onb),
    "onboarding_task_done": (ON_JOB, onb_task),
    "onboarding_task_assign": (ON_JOB, onb_task),
    "onboarding_file": (ON_JOB, onb_file),
    "my_interviews": (STAFF, none),
    "interview_feed_new": (STAFF, none),
    "interview_feed_revoke": (STAFF, none),
    # Campaigns: planning and editing are the recruiters'; a hiring manager
    # reads the campaigns of their own jobs.
    "campaign_list": (DECIDERS, none),
    "campaign_new": (RECRUITERS, none),
    "campaign_detail": (ON_JOB, campaign_pk),
    "campaign_edit": (RECRUITERS, campaign_pk),
    "campaign_delete": (RECRUITERS, campaign_pk),
    "channel_add": (RECRUITERS, campaign_pk),
    "channel_edit": (RECRUITERS, channel_pk),
    "channel_delete": (RECRUITERS, channel_pk),
    "job_platsbanken": (RECRUITERS, job),
    # Analytics: everyone who decides, each over the jobs they may see.
    "analytics_funnel": (DECIDERS, none),
    "analytics_sources": (DECIDERS, none),
    "analytics_experience": (DECIDERS, none),
    "analytics_funnel_csv": (DECIDERS, none),
    "analytics_funnel_xlsx": (DECIDERS, none),
    "analytics_sources_csv": (DECIDERS, none),
    "analytics_sources_xlsx": (DECIDERS, none),
    "analytics_experience_csv": (DECIDERS, none),
    "analytics_experience_xlsx": (DECIDERS, none),
    "analytics_report": (DECIDERS, none),
    "analytics_monthly": (ADMINS, none),
    "job_platsbanken_json": (RECRUITERS, job),
    "job_platsbanken_send": (RECRUITERS, job),
    "job_platsbanken_withdraw": (RECRUITERS, job),
    # References: the job's deciders; the rules per stage are recruiters'.
    "referee_add": (ON_JOB, application),
    "referee_erase": (ON_JOB, ref_referee),
    "references_send": (ON_JOB, application),
    "references_undo": (ON_JOB, application),
    "references_report": (ON_JOB, application),
    "reference_rules": (RECRUITERS, job),
    "offer_new": (ON_JOB, application),
    "offer_approvals": (STAFF, none),
    "offer_detail": (ON_JOB, of_sent),
    "offer_edit": (ON_JOB, of_sent),
    "offer_ask_approval": (ON_JOB, of_pending),
    "offer_take_back": (ON_JOB, of_pending),
    "offer_approve": (APPROVERS, of_pending),
    "offer_send": (ON_JOB, of_pending),
    "offer_undo": (ON_JOB, of_sent),
    "offer_withdraw": (ON_JOB, of_sent),
    "offer_pdf": (ON_JOB, of_sent),
    "offer_signed_pdf": (ON_JOB, of_signed),
    "offer_templates": (RECRUITERS, none),
    "offer_template_new": (RECRUITERS, none),
    "offer_template_edit": (RECRUITERS, of_template),
    "audit_log": (ADMINS, none),
    "audit_export": (ADMINS, none),
    # Everyone manages their own API tokens (admins every one).
    "api_tokens": (STAFF, none),
    # A colleague's token: admins only (one's own: rekryt/api/tests/test_api_tokens.py).
    "api_token_revoke": (ADMINS, api_token),
    # Imports: admins and recruiters; exports: everyone, of what they may see.
    "import_upload": (RECRUITERS, none),
    "import_mapping": (RECRUITERS, import_job),
    "import_progress": (RECRUITERS, import_job),
    "import_cancel": (RECRUITERS, import_job),
    "import_report": (RECRUITERS, import_job),
    "export_index": (STAFF, none),
    "export_candidates": (STAFF, none),
    "export_candidates_json": (STAFF, none),
    "export_jobs": (STAFF, none),
}

# Views of django-allauth (sign-in, password reset, two-factor set-up, single
# sign-on), mounted under /staff/account/. allauth does its own checks; the
# accounts app's tests cover how Rekryt uses them.
SIGN_IN_PACKAGES = ("allauth.",)
# Django's admin at /admin/ has its own login and is_staff check; it is left
# out of this matrix (rekryt/accounts/tests/test_admin.py covers it). The
# REST API authenticates by token, not session: its own role × endpoint ×
# scope matrix is rekryt/api/tests/test_api_matrix.py.
EXCLUDED_PREFIXES = ("admin/", "api/v1/", "^api/v1/")


@dataclass
class Route:
    key: str  # the URL name, or the route when the pattern has no name
    route: str
    module: str


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            spaced = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), spaced)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            module = getattr(pattern.callback, "__module__", "") or ""
            yield Route(key=name or route, route=route, module=module)


def project_routes() -> list[Route]:
    return [
        r
        for r in walk(get_resolver().url_patterns)
        if not r.route.startswith(EXCLUDED_PREFIXES) and not r.module.startswith(SIGN_IN_PACKAGES)
    ]


def test_every_url_is_classified() -> None:
    missing = sorted(
        {f"{r.key}  (/{r.route}, {r.module})" for r in project_routes()}
        - {f"{r.key}  (/{r.route}, {r.module})" for r in project_routes() if r.key in ACCESS}
    )
    assert not missing, (
        "These URLs are not in the role × URL matrix. Add each to ACCESS in "
        "rekryt/ops/tests/test_url_matrix.py with who may use it (PUBLIC, SIGN_IN, STAFF, "
        "DECIDERS, ON_JOB, RECRUITERS, ADMINS) and a function building its arguments from "
        "real objects:\n  " + "\n  ".join(missing)
    )


def test_the_matrix_lists_no_url_that_is_gone() -> None:
    known = {r.key for r in project_routes()}
    stale = sorted(set(ACCESS) - known)
    assert not stale, f"ACCESS names URLs that no longer exist; remove them: {stale}"


def test_every_unnamed_or_allauth_url_is_outside_staff_pages_we_own() -> None:
    # allauth's pages live under /staff/account/ only, so no Rekryt staff page
    # can hide behind the SIGN_IN_PACKAGES rule.
    for r in walk(get_resolver().url_patterns):
        if r.module.startswith(SIGN_IN_PACKAGES):
            assert r.route.startswith(("staff/account/", "staff/login/", "staff/logout/")), r


def visit(client: Any, url: str) -> Any:
    """GET, or POST with an empty form when the view takes only POST."""
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


STAFF_URLS = sorted(name for name, (who, _args) in ACCESS.items() if who in ALLOWED)
PUBLIC_URLS = sorted(name for name, (who, _args) in ACCESS.items() if who == PUBLIC)


@pytest.fixture
def personas(alice: Any, rita: Any, hanna: Any, otto: Any, ivan: Any, other_job: Any) -> Any:
    return {"alice": alice, "rita": rita, "hanna": hanna, "otto": otto, "ivan": ivan}


@pytest.mark.parametrize("name", STAFF_URLS)
def test_staff_url_matrix(client: Any, personas: Any, job: Job, name: str) -> None:
    who, args = ACCESS[name]
    world = build_world(job, personas["ivan"].pk)
    url = reverse(name, kwargs=args(world))
    assert url.startswith("/staff/"), f"{name} is a staff URL outside /staff/: {url}"

    response = visit(client, url)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login")), (name, response["Location"])
    else:
        assert response.status_code in (404, 405), (name, "anonymous", response.status_code)

    allowed = ALLOWED[who]
    for persona in PERSONAS:
        if persona in allowed:
            continue
        client.force_login(personas[persona])
        status = visit(client, url).status_code
        assert status == 404, f"{persona} must get 404 from {name} ({url}), got {status}"

    # Whether the view answers GET at all, asked as someone who may use it
    # (a role check may come before the method check).
    client.force_login(personas[min(allowed, key=PERSONAS.index)])
    takes_get = client.get(url).status_code != 405
    for persona in PERSONAS:
        if persona not in allowed:
            continue
        if not takes_get:
            # Fresh objects for each POST: it may close, delete or move things.
            url = reverse(name, kwargs=args(build_world(job, personas["ivan"].pk)))
        client.force_login(personas[persona])
        status = visit(client, url).status_code
        assert status not in (403, 404), f"{persona} may use {name} ({url}) but got {status}"
        assert status < 500


@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_public_urls_need_no_login(client: Any, job: Job, ivan: Any, name: str) -> None:
    _who, args = ACCESS[name]
    response = client.get(reverse(name, kwargs=args(build_world(job, ivan.pk))))
    assert response.status_code < 500
    if response.status_code == 302:
        assert not response["Location"].startswith(reverse("login")), name


def test_the_django_admin_requires_login(client: Any, rita: Any) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(rita)
    assert client.get("/admin/").status_code in (302, 404)
