"""Making hires for onboarding tests: through the real hire action."""

from __future__ import annotations

from datetime import date
from typing import Any

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome
from rekryt.onboarding.actions import set_start_date
from rekryt.onboarding.models import Material, MaterialKind, Onboarding


def hire(job: Any, actor: Any, start: date | None = None, **fields: Any) -> Onboarding:
    application = make_application(job, **fields)
    assert set_outcome(application, Outcome.HIRED, actor)
    onboarding = Onboarding.objects.get(application=application)
    if start is not None:
        set_start_date(onboarding, start, actor)
        onboarding.refresh_from_db()
    return onboarding


def policy() -> Material:
    return Material.objects.create(
        kind=MaterialKind.POLICY,
        title_sv="Uppförandekod",
        title_en="Code of conduct",
        body_sv="Vi behandlar varandra med respekt.",
        body_en="We treat each other with respect.",
        must_confirm=True,
    )
