"""One-way video questions: the candidate's page in the portal (recording
needs JavaScript and a camera; the written answer works without either),
the upload endpoints the page's script calls, and the staff's player."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.roles import staff_required
from rekryt.applications.hooks import blind_for
from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.interviews import video
from rekryt.interviews.models import VideoAnswer, VideoQuestion
from rekryt.lib.middleware import CSP
from rekryt.lib.params import bounded_int

CHUNK_MAX = 1024 * 1024


def _application(candidate: Candidate, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.active().select_related("job"), candidate=candidate, pk=pk
    )


def _question(application: Application, pk: int) -> VideoQuestion:
    return get_object_or_404(VideoQuestion, job_id=application.job_id, pk=pk)


@never_cache
@candidate_required
@require_GET
def questions(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = _application(candidate, pk)
    asked = list(VideoQuestion.objects.filter(job_id=application.job_id))
    if not asked:
        raise Http404
    answers = {a.question_id: a for a in VideoAnswer.objects.filter(application=application)}
    language = application.language
    rows = [(q, q.text_in(language), answers.get(q.pk)) for q in asked]
    context = {
        "application": application,
        "job": application.job,
        "rows": rows,
        "max_bytes": settings.VIDEO_ANSWER_MAX_BYTES,
        "chunk": 512 * 1024,
    }
    response = render(request, "interviews/portal_video.html", context)
    response["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=()"
    # Watching the recording back plays it from a blob: URL in this page.
    response["Content-Security-Policy"] = CSP + "; media-src 'self' blob:"
    return response


def _refused(exc: video.Refused) -> JsonResponse:
    status = {"offset": 409, "stale": 410, "too_large": 413, "not_video": 415}.get(exc.reason, 403)
    return JsonResponse({"error": exc.reason, "received": exc.received}, status=status)


@candidate_required
@require_POST
def start(request: HttpRequest, candidate: Candidate, pk: int, question: int) -> HttpResponse:
    application = _application(candidate, pk)
    try:
        answer = video.start_try(application, _question(application, question))
    except video.Refused as exc:
        return _refused(exc)
    return JsonResponse({"upload": str(answer.upload_id), "tries_left": answer.tries_left})


@candidate_required
@require_POST
def chunk(request: HttpRequest, candidate: Candidate, pk: int, question: int) -> HttpResponse:
    application = _application(candidate, pk)
    answer = get_object_or_404(
        VideoAnswer, application=application, question=_question(application, question)
    )
    length = bounded_int(request.headers.get("Content-Length"), default=0)
    if length <= 0 or length > CHUNK_MAX:
        return JsonResponse({"error": "chunk_size", "received": answer.received}, status=413)
    offset = bounded_int(request.GET.get("offset"), default=-1)
    try:
        received = video.add_chunk(
            answer, request.headers.get("X-Upload-Id", ""), offset, request.body
        )
    except video.Refused as exc:
        return _refused(exc)
    return JsonResponse({"received": received})


@candidate_required
@require_POST
def finish(request: HttpRequest, candidate: Candidate, pk: int, question: int) -> HttpResponse:
    application = _application(candidate, pk)
    answer = get_object_or_404(
        VideoAnswer, application=application, question=_question(application, question)
    )
    try:
        video.finish(answer, request.headers.get("X-Upload-Id", ""))
    except video.Refused as exc:
        return _refused(exc)
    return JsonResponse({"done": True})


@candidate_required
@require_POST
def written(request: HttpRequest, candidate: Candidate, pk: int, question: int) -> HttpResponse:
    application = _application(candidate, pk)
    text = request.POST.get("text", "").strip()
    if not text or len(text) > 5000:
        messages.error(request, _("Write your answer (at most 5,000 characters)."))
        return redirect("portal_video", pk)
    try:
        video.answer_in_writing(application, _question(application, question), text)
    except video.Refused:
        messages.error(request, _("This question has already been answered."))
        return redirect("portal_video", pk)
    messages.success(request, _("Thank you, your answer was sent."))
    return redirect("portal_video", pk)


@staff_required
@require_GET
def recording(request: HttpRequest, pk: int) -> HttpResponse:
    """The recording, for staff who may see the application and not while
    it is under blind review (a face is not masked)."""
    applications = Application.objects.visible_to(request.user)  # type: ignore[arg-type]
    answer = get_object_or_404(
        VideoAnswer.objects.select_related("application").exclude(file=""),
        application__in=applications.values("pk"),
        pk=pk,
    )
    if answer.application_id in blind_for([answer.application]):
        raise Http404
    response = FileResponse(answer.file.open("rb"), content_type=answer.content_type)
    ext = "mp4" if answer.content_type == "video/mp4" else "webm"
    response["Content-Disposition"] = f'inline; filename="answer-{answer.pk}.{ext}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response  # type: ignore[return-value]
