"""What the application form submits, and what happens to it.

An application's name, contact details, texts and documents are a snapshot
of what was submitted: they belong to that application. Typing an address
that has applied before therefore changes nothing about the person it
belongs to:

- for another job, a new application is made with its own snapshot, on the
  same candidate (found by the address); staff see where it differs from the
  candidate's own details;
- for the same job, a `Resubmission` is kept beside the application and the
  address is told by email; it joins the application only if the owner of
  the address adds it from the portal (rekryt.portal).

The candidate's own details change only through the portal, whose session
proves the address (`adopt_details`, `portal.actions.update_details`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from rekryt.applications import automations, hooks
from rekryt.applications.actions import Submission, Upload, email_date, queue_email
from rekryt.applications.models import (
    DETAIL_FIELDS,
    Application,
    EventKind,
    Resubmission,
    ResubmissionStatus,
    record,
)
from rekryt.candidates.models import Candidate, Document, normalise_email
from rekryt.candidates.search import index_details, index_documents
from rekryt.jobs.models import Job
from rekryt.messaging.models import TemplateKind


@dataclass
class Submitted:
    """What a submission became. `created` is false for a double submit (the
    same form posted twice) and for a repeated application (`resubmission`);
    `resubmitted` is true when this submission was a repeated one."""

    application: Application
    created: bool
    resubmission: Resubmission | None = None
    resubmitted: bool = False


def index_application(application: Application, new: bool = False) -> None:
    """Put the application's submitted details and texts in the search index,
    with the candidate's own name and address (anyone who may see the
    application may see the candidate). A `new` one has no resubmissions."""
    candidate = application.candidate
    added = (
        []
        if new
        else Resubmission.objects.filter(
            application=application, status=ResubmissionStatus.ADDED
        ).values_list("about", "cover_letter")
    )
    index_details(
        application.pk,
        candidate.pk,
        [
            *(getattr(application, name) for name in DETAIL_FIELDS),
            application.about,
            application.cover_letter,
            *(text for texts in added for text in texts),
            candidate.first_name,
            candidate.last_name,
            candidate.email,
            *hooks.search_texts(application),
        ],
        job_id=application.job_id,
    )


def index_candidate(candidate: Candidate) -> None:
    """Re-index every application of a candidate whose own details changed."""
    for application in candidate.applications.select_related("candidate"):
        index_application(application)


def _candidate_for(sub: Submission) -> Candidate:
    """The person the address belongs to, or a new one whose details are what
    this first application typed."""
    normalised = normalise_email(sub.email)
    candidate = Candidate.objects.filter(email_normalised=normalised).first()
    if candidate is None:
        candidate = Candidate(language=sub.language, **sub.snapshot())
        candidate.save()
    return candidate


def store_uploads(
    candidate: Candidate,
    uploads: list[Upload],
    application: Application | None = None,
    resubmission: Resubmission | None = None,
) -> list[Document]:
    """Keep checked files as the documents of an application (or of a form
    sent again), under generated names."""
    documents = []
    for upload in uploads:
        doc = Document(
            candidate=candidate,
            application=application,
            resubmission=resubmission,
            kind=upload.kind,
            original_name=upload.original_name,
            content_type=upload.content_type,
            size=upload.size,
            sha256=upload.sha256,
        )
        doc.file.save("upload", upload.file, save=False)
        doc.save()
        documents.append(doc)
    return documents


def _earlier(key: str | None) -> Submitted | None:
    """The result of a submit with this key, if the form was posted before."""
    if not key:
        return None
    application = Application.objects.filter(submission_key=key).first()
    if application is not None:
        return Submitted(application, False)
    resubmission = (
        Resubmission.objects.filter(submission_key=key).select_related("application").first()
    )
    if resubmission is not None:
        return Submitted(resubmission.application, False, resubmission)
    return None


def submit_application(job: Job, sub: Submission) -> Submitted:
    """Create the application and run the first stage's automation (by default
    the receipt, key `received:<pk>`); or, when the address has applied for
    this job already, keep a resubmission and tell the address."""
    earlier = None if sub.key_checked else _earlier(sub.submission_key)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            candidate = _candidate_for(sub)
            previous = Application.objects.filter(candidate=candidate, job=job).first()
            if previous is not None:
                if sub.submission_key and previous.submission_key == sub.submission_key:
                    # A double submit that raced past the key check.
                    return Submitted(previous, False)
                return Submitted(previous, False, _resubmit(previous, sub), resubmitted=True)
            return Submitted(_create(job, candidate, sub), True)
    except IntegrityError:
        # A concurrent double submit won the race: show its result.
        found = _earlier(sub.submission_key)
        if found is not None:
            return found
        raise


def _create(job: Job, candidate: Candidate, sub: Submission) -> Application:
    application = Application.objects.create(
        candidate=candidate,
        job=job,
        stage=job.first_stage(),
        about=sub.about,
        cover_letter=sub.cover_letter,
        source=sub.source[:40],
        heard_from=sub.heard_from,
        language=job.language,
        submission_key=sub.submission_key,
        notice=sub.notice,
        **sub.snapshot(),
    )
    differs = [d.field for d in application.differing_details()]
    record(application, EventKind.CREATED, source=application.source, differs_from=differs)
    for doc in store_uploads(candidate, sub.uploads, application=application):
        record(application, EventKind.DOCUMENT_ADDED, document=doc.pk, document_kind=doc.kind)
    for part in sub.parts:
        part.save(application)
    index_application(application, new=True)  # with what the parts saved
    for then in sub.on_created:
        then(application)
    automations.on_enter(application, application.stage, created=True)
    return application


def _resubmit(application: Application, sub: Submission) -> Resubmission:
    resubmission = Resubmission.objects.create(
        application=application,
        about=sub.about,
        cover_letter=sub.cover_letter,
        heard_from=sub.heard_from,
        source=sub.source[:40],
        submission_key=sub.submission_key,
        **sub.snapshot(),
    )
    documents = store_uploads(application.candidate, sub.uploads, resubmission=resubmission)
    record(
        application,
        EventKind.RESUBMITTED,
        resubmission=resubmission.pk,
        documents=len(documents),
        differs_from=[d.field for d in resubmission.differing_details()],
    )
    # One email a day per application however often the form is sent again
    # (the portal lists every one), so nobody can flood the address with it.
    day = timezone.localdate(resubmission.created_at).isoformat()
    queue_email(
        application,
        TemplateKind.APPLICATION_REPEATED,
        key=f"repeated:{application.pk}:{day}",
        extra={"resubmitted_on": email_date(resubmission.created_at, application.language)},
    )
    return resubmission


@transaction.atomic
def add_resubmission(resubmission: Resubmission) -> bool:
    """The owner of the address adds what was sent again to the application:
    its files become the application's documents and its texts and details
    are kept on the resubmission, shown beside the application's own."""
    resubmission = Resubmission.objects.select_for_update().get(pk=resubmission.pk)
    if not resubmission.is_pending:
        return False
    _decide(resubmission, ResubmissionStatus.ADDED)
    application = resubmission.application
    for doc in resubmission.documents.all():
        Document.objects.filter(pk=doc.pk).update(application=application, resubmission=None)
        record(
            application,
            EventKind.DOCUMENT_ADDED,
            document=doc.pk,
            document_kind=doc.kind,
            by_candidate=True,
        )
    record(application, EventKind.RESUBMISSION_ADDED, resubmission=resubmission.pk)
    index_application(application)
    index_documents(application.pk)
    return True


@transaction.atomic
def discard_resubmission(resubmission: Resubmission) -> bool:
    """The owner of the address did not send it (or does not want it): the
    files go; the typed details stay visible to staff as discarded."""
    from rekryt.candidates.personal_data import remove_files_on_commit

    resubmission = Resubmission.objects.select_for_update().get(pk=resubmission.pk)
    if not resubmission.is_pending:
        return False
    _decide(resubmission, ResubmissionStatus.DISCARDED)
    documents = list(resubmission.documents.all())
    remove_files_on_commit([d.file for d in documents])
    Document.objects.filter(pk__in=[d.pk for d in documents]).delete()
    record(resubmission.application, EventKind.RESUBMISSION_DISCARDED, resubmission=resubmission.pk)
    return True


def _decide(resubmission: Resubmission, status: str) -> None:
    resubmission.status = status
    resubmission.decided_at = timezone.now()
    resubmission.save(update_fields=["status", "decided_at"])


@transaction.atomic
def adopt_details(application: Application) -> list[str]:
    """The owner of the address makes the details one application submitted
    their own (from the portal); returns the fields that changed."""
    candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
    changed = [d.field for d in application.differing_details() if d.field != "email"]
    for name in changed:
        setattr(candidate, name, getattr(application, name))
    candidate.details_confirmed_at = timezone.now()
    candidate.save()
    if changed:
        record(application, EventKind.DETAILS_ADOPTED, fields=changed)
        index_candidate(candidate)
    return changed
