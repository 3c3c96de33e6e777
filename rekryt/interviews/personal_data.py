"""Interviews and scorecards, for export and erasure (see
rekryt.candidates.personal_data for the contract). Interviewers' notes and
ratings are the candidate's personal data: they are in the export, and go
with the application (anonymisation under retention) or the candidate
(erasure). Calendar parts go with their emails (messaging)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso, remove_files_on_commit
from rekryt.interviews.models import CalendarPart, Interview, Scorecard, VideoAnswer
from rekryt.interviews.video import parts_folder, remove_parts


def export(candidate: Candidate) -> dict[str, Any]:
    interviews = (
        Interview.objects.filter(application__candidate=candidate)
        .select_related("step")
        .order_by("pk")
    )
    cards = (
        Scorecard.objects.filter(interview__application__candidate=candidate)
        .select_related("interviewer", "interview")
        .prefetch_related("ratings__attribute")
        .order_by("pk")
    )
    return {
        "interviews": [
            {
                "application_id": i.application_id,
                "interview": i.step.name_in(candidate.language),
                "status": i.status,
                "starts_at": iso(i.starts_at),
                "ends_at": iso(i.ends_at),
                "times_asked": i.times_asked,
                "cancel_reason": i.cancel_reason,
            }
            for i in interviews
        ],
        "video_answers": [
            {
                "application_id": a.application_id,
                "question": a.question.text_in(candidate.language),
                "file": video_name(a) if a.file else None,
                "size_bytes": a.size,
                "written_answer": a.text,
                "tries_used": a.tries_used,
                "answered_at": iso(a.completed_at),
            }
            for a in VideoAnswer.objects.filter(application__candidate=candidate)
            .select_related("question")
            .order_by("pk")
        ],
        "scorecards": [
            {
                "application_id": c.interview.application_id,
                "interviewer": c.interviewer.display_name,
                "submitted_at": iso(c.submitted_at),
                "recommendation": c.recommendation or None,
                "notes": c.notes,
                "ratings": [
                    {
                        "attribute": r.attribute.name_in(candidate.language),
                        "rating": r.rating,
                        "note": r.note,
                    }
                    for r in c.ratings.all()
                ],
            }
            for c in cards
        ],
    }


def video_name(answer: VideoAnswer) -> str:
    """The recording's name inside the export ZIP: generated, like documents'."""
    ext = "mp4" if answer.content_type == "video/mp4" else "webm"
    return f"video/{answer.pk}-answer.{ext}"


def export_files(candidate: Candidate) -> list[tuple[str, Any]]:
    answers = VideoAnswer.objects.filter(application__candidate=candidate).exclude(file="")
    return [(video_name(a), a.file) for a in answers.order_by("pk")]


def erase_application(application: Any) -> dict[str, int]:
    return {
        **_erase(Interview.objects.filter(application=application)),
        **_erase_videos(VideoAnswer.objects.filter(application=application)),
    }


def erase(candidate: Candidate) -> dict[str, int]:
    return {
        **_erase(Interview.objects.filter(application__candidate=candidate)),
        **_erase_videos(VideoAnswer.objects.filter(application__candidate=candidate)),
    }


def _erase_videos(answers: Any) -> dict[str, int]:
    """Recordings go from storage once the erasure commits; unfinished
    uploads' chunks with them."""
    found = list(answers)
    remove_files_on_commit([a.file for a in found if a.file])
    folders = [parts_folder(a) for a in found]

    def remove_all_parts() -> None:
        for folder in folders:
            remove_parts(folder)

    transaction.on_commit(remove_all_parts)
    count, _by_model = answers.delete()
    return {"video_answers": count}


def _erase(interviews: Any) -> dict[str, int]:
    """The interviewers' invitations name the candidate in their calendar
    part (an attendee): those parts go too (the emails' text is redacted
    with the other staff emails, rekryt.messaging.personal_data)."""
    ids = list(interviews.values_list("pk", flat=True))
    keys = Q()
    for pk in ids:
        keys |= Q(message__idempotency_key__startswith=f"iv:{pk}:")
    if ids:
        CalendarPart.objects.filter(keys).delete()
    cards = Scorecard.objects.filter(interview__in=ids).count()
    _total, by_model = interviews.delete()
    return {"interviews": by_model.get("interviews.Interview", 0), "scorecards": cards}
