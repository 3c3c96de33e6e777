"""Staff pages for the no-silence promise: waiting candidates and the figures.

Recruiters and admins see every job, hiring managers their teams' jobs;
interviewers get 404 (they do not decide who hears what)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application, may_decide
from rekryt.jobs.models import Job
from rekryt.lib.params import id_or_none
from rekryt.promises import figures, rules
from rekryt.promises.waiting import Waiting, waiting, with_applications

PAGE_SIZE = 50
STATES = {"": (rules.SOON, rules.OVERDUE), "overdue": (rules.OVERDUE,), "soon": (rules.SOON,)}


def deciders_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_decide(request.user):  # type: ignore[arg-type]
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def visible_applications(user: User) -> Any:
    return Application.objects.filter(job__in=Job.objects.visible_to(user))


def chosen_int(request: HttpRequest, name: str, allowed: set[int]) -> int | None:
    """An id from the query string, if it is one of the offered choices."""
    value = id_or_none(request.GET.get(name))
    return value if value in allowed else None


@deciders_only
@require_GET
def waiting_list(request: HttpRequest) -> HttpResponse:
    terms = rules.Terms.of(Organisation.get())
    everyone = waiting(visible_applications(request.user), timezone.localdate(), terms)  # type: ignore[arg-type]
    jobs = Job.objects.filter(pk__in={w.job_id for w in everyone}).select_related("recruiter")
    recruiters = {j.recruiter_id: j.recruiter for j in jobs if j.recruiter_id}
    job_id = chosen_int(request, "job", {j.pk for j in jobs})
    recruiter_id = chosen_int(request, "recruiter", set(recruiters))
    state = request.GET.get("state", "")
    state = state if state in STATES else ""
    shown = [
        w
        for w in everyone
        if w.standing.state in STATES[state]
        and job_id in (None, w.job_id)
        and recruiter_id in (None, w.recruiter_id)
    ]
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": with_applications(list(page.object_list)),
        "jobs": _summary(everyone, {j.pk: j for j in jobs}, lambda w: w.job_id),
        "recruiters": _summary(everyone, recruiters, lambda w: w.recruiter_id),
        "job_id": job_id,
        "recruiter_id": recruiter_id,
        "state": state,
        "terms": terms,
    }
    return render(request, "promises/waiting.html", context)


def _summary(
    everyone: list[Waiting], objects: dict[Any, Any], key: Callable[[Waiting], Any]
) -> list[dict[str, Any]]:
    """Overdue and due-soon counts per job or recruiter, most overdue first."""
    counts: Counter[tuple[Any, str]] = Counter((key(w), w.standing.state) for w in everyone)
    rows = [
        {
            "pk": pk,
            "object": obj,
            "overdue": counts[pk, rules.OVERDUE],
            "soon": counts[pk, rules.SOON],
        }
        for pk, obj in objects.items()
    ]
    return sorted(rows, key=lambda r: (-r["overdue"], -r["soon"], str(r["object"])))


@deciders_only
@require_GET
def waiting_figures(request: HttpRequest) -> HttpResponse:
    measured = figures.measure(visible_applications(request.user))  # type: ignore[arg-type]
    return render(request, "promises/figures.html", {"figures": measured})
