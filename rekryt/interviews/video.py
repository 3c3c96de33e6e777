"""One-way video answers: a try is started (counted against the question's
limit), the recording arrives in chunks kept in order as private objects
in the file storage (so any web machine may take the next chunk, with S3
too; a chunk at the wrong offset is refused with the offset the server
has, so the browser resumes there), and the finished file, joined, is
identified by its content (WebM or MP4 only), size-capped and stored under
a generated name like documents. A written answer is the alternative for a
candidate without a camera. When every question of the job is answered and
its plan has a one-way review step, that review becomes an interview whose
kit shows the answers and whose scorecard the reviewers fill in."""

from __future__ import annotations

import shutil
import tempfile
import uuid

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from rekryt.applications.models import Application, EventKind, record
from rekryt.interviews.models import Interview, PlanStep, Status, VideoAnswer, VideoQuestion


class Refused(Exception):
    """The answer cannot take this (no tries left, already sent, wrong offset)."""

    def __init__(self, reason: str, received: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.received = received


def sniff(head: bytes) -> str | None:
    """The content type of a recording from its first bytes, or None."""
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "video/webm"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    return None


PARTS = "video-parts"


def parts_folder(answer: VideoAnswer) -> str:
    """Where one try's chunks are kept, named by their offsets."""
    return f"{PARTS}/{answer.upload_id.hex}"


def chunk_names(folder: str) -> list[str]:
    """The chunks of an upload in order (offsets are zero-padded)."""
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    return [f"{folder}/{name}" for name in sorted(files)]


def remove_parts(folder: str) -> int:
    names = chunk_names(folder)
    for name in names:
        default_storage.delete(name)
    return len(names)


def answer_for(application: Application, question: VideoQuestion) -> VideoAnswer:
    answer, _created = VideoAnswer.objects.get_or_create(application=application, question=question)
    answer.question = question
    return answer


@transaction.atomic
def start_try(application: Application, question: VideoQuestion) -> VideoAnswer:
    answer = VideoAnswer.objects.select_for_update().get(pk=answer_for(application, question).pk)
    answer.question = question
    if answer.completed_at is not None:
        raise Refused("sent")
    if answer.tries_left <= 0:
        raise Refused("no_tries")
    remove_parts(parts_folder(answer))
    answer.tries_used += 1
    answer.upload_id = uuid.uuid4()
    answer.received = 0
    answer.save(update_fields=["tries_used", "upload_id", "received"])
    return answer


@transaction.atomic
def add_chunk(answer: VideoAnswer, upload_id: str, offset: int, data: bytes) -> int:
    """Append `data` at `offset`; returns the bytes received so far."""
    answer = VideoAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.completed_at is not None or str(answer.upload_id) != upload_id:
        raise Refused("stale", answer.received)
    if offset != answer.received:
        raise Refused("offset", answer.received)
    if answer.received + len(data) > settings.VIDEO_ANSWER_MAX_BYTES:
        raise Refused("too_large", answer.received)
    name = f"{parts_folder(answer)}/{offset:012d}"
    # A chunk left by a request that failed after storing it is replaced,
    # never kept beside the new one (which would be joined in twice).
    default_storage.delete(name)
    default_storage.save(name, ContentFile(data))
    answer.received += len(data)
    answer.save(update_fields=["received"])
    return answer.received


@transaction.atomic
def finish(answer: VideoAnswer, upload_id: str) -> VideoAnswer:
    answer = (
        VideoAnswer.objects.select_for_update(of=("self",))
        .select_related("question", "application")
        .get(pk=answer.pk)
    )
    if answer.completed_at is not None or str(answer.upload_id) != upload_id:
        raise Refused("stale", answer.received)
    folder = parts_folder(answer)
    names = chunk_names(folder)
    if not names or answer.received == 0:
        raise Refused("empty")
    with tempfile.TemporaryFile() as joined:
        for name in names:
            with default_storage.open(name, "rb") as chunk:
                shutil.copyfileobj(chunk, joined)
        joined.seek(0)
        kind = sniff(joined.read(16))
        if kind is None:
            raise Refused("not_video")
        joined.seek(0)
        answer.file.save("answer", File(joined), save=False)
    answer.content_type = kind
    answer.size = answer.received
    answer.completed_at = timezone.now()
    answer.save()
    transaction.on_commit(lambda: remove_parts(folder))
    _all_answered(answer.application)
    return answer


@transaction.atomic
def answer_in_writing(application: Application, question: VideoQuestion, text: str) -> VideoAnswer:
    answer = VideoAnswer.objects.select_for_update().get(pk=answer_for(application, question).pk)
    if answer.completed_at is not None:
        raise Refused("sent")
    answer.text = text.strip()[:5000]
    answer.completed_at = timezone.now()
    answer.save(update_fields=["text", "completed_at"])
    _all_answered(application)
    return answer


def _all_answered(application: Application) -> None:
    questions = VideoQuestion.objects.filter(job_id=application.job_id).count()
    done = VideoAnswer.objects.filter(application=application, completed_at__isnull=False).count()
    if not questions or done < questions:
        return
    record(application, EventKind.VIDEO_ANSWERED, answers=done)
    step = PlanStep.objects.filter(job_id=application.job_id, one_way=True).first()
    if step is None or Interview.objects.filter(application=application, step=step).exists():
        return
    now = timezone.now()
    review = Interview.objects.create(
        application=application, step=step, status=Status.BOOKED, starts_at=now, ends_at=now
    )
    job = application.job
    reviewers = [job.recruiter] if job.recruiter else []
    reviewers += list(job.team.filter(role="hiring_manager"))
    review.interviewers.set([r for r in reviewers if r is not None])
    from rekryt.interviews.scheduling import plan_reminders

    plan_reminders(review)
