"""The demo's onboarding: the company's culture book, handbook and policies,
the hires of the past marked done, and the two latest hires in preboarding
with starts coming up: one nearly ready (paperwork sent, most of the
checklist ticked off), one just invited. Everything goes through the real
actions, so the invitation waits in the outbox like any other email."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import EventKind, Outcome, record
from rekryt.onboarding import actions
from rekryt.onboarding.models import Material, MaterialKind, Onboarding, Status, Task
from rekryt.onboarding.schedule import working_day_from

MATERIALS = [
    (
        MaterialKind.CULTURE,
        False,
        ("Kulturboken: så jobbar vi på Norrsken", "The culture book: how we work at Norrsken"),
        (
            "Vi flyttar gods från Kiruna till kusten, dygnet runt. Det fungerar för att vi litar "
            "på varandra, säger till när något är fel och firar när det går bra.\n\n"
            "Säkerhet först, alltid. Ingen leverans är så bråttom att någon ska skadas.\n\n"
            "Vi frågar hellre en gång för mycket än en för lite.",
            "We move goods from Kiruna to the coast around the clock. It works because we trust "
            "each other, speak up when something is wrong and celebrate when things go well.\n\n"
            "Safety first, always. No delivery is so urgent that anyone should get hurt.\n\n"
            "We would rather ask once too often than once too few.",
        ),
    ),
    (
        MaterialKind.HANDBOOK,
        True,
        ("Personalhandboken", "The employee handbook"),
        (
            "Arbetstider, semester, sjukanmälan, friskvårdsbidrag (3 000 kr per år) och "
            "kollektivavtalet (Transportavtalet respektive Tjänstemannaavtalet).\n\n"
            "Sjukanmälan görs till din chef före klockan 8 den första dagen.",
            "Working hours, holidays, reporting sick, the wellness allowance (SEK 3,000 a year) "
            "and the collective agreement.\n\nReport sick to your manager before 8 am on the "
            "first day.",
        ),
    ),
    (
        MaterialKind.POLICY,
        True,
        ("IT- och informationssäkerhetspolicy", "IT and information security policy"),
        (
            "Lås datorn när du går ifrån den. Dela aldrig ditt lösenord. Rapportera misstänkta "
            "mejl till it@norrskenlogistik.example.",
            "Lock your computer when you leave it. Never share your password. Report suspicious "
            "email to it@norrskenlogistik.example.",
        ),
    ),
]


def add_materials() -> None:
    for order, (kind, confirm, (title_sv, title_en), (body_sv, body_en)) in enumerate(MATERIALS):
        Material.objects.get_or_create(
            title_sv=title_sv,
            defaults={
                "kind": kind,
                "must_confirm": confirm,
                "title_en": title_en,
                "body_sv": body_sv,
                "body_en": body_en,
                "order": order,
            },
        )


def add_onboarding(staff: dict[str, User], now: datetime) -> None:
    add_materials()
    hires = list(
        Onboarding.objects.filter(application__outcome=Outcome.HIRED)
        .select_related("application__job")
        .order_by("-application__ended_at", "-pk")
    )
    today = timezone.localdate(now)
    for onboarding in hires[2:]:
        finish_the_past(onboarding, staff["astrid"], now)
    plans = [(12, True), (24, False)]
    for onboarding, (days, far_along) in zip(hires[:2], plans, strict=False):
        start = working_day_from(today + timedelta(days=days), 0)
        prepare(onboarding, start, staff)
        if far_along:
            paperwork_sent(onboarding, staff)


def finish_the_past(onboarding: Onboarding, actor: User, now: datetime) -> None:
    application = onboarding.application
    ended = application.ended_at or now
    start = working_day_from(timezone.localdate(ended) + timedelta(days=30), 0)
    if start > timezone.localdate(now):
        start = timezone.localdate(now) - timedelta(days=7)
    actions.set_start_date(onboarding, start, actor)
    Task.objects.filter(onboarding=onboarding).update(done_at=now, done_by=actor, remind_at=None)
    Onboarding.objects.filter(pk=onboarding.pk).update(
        status=Status.DONE, completed_at=now, invited_at=ended
    )
    # As complete_onboarding records it: the HR system's webhook tells of it.
    record(application, EventKind.ONBOARDING_DONE, actor, onboarding=onboarding.pk)


def prepare(onboarding: Onboarding, start: date, staff: dict[str, User]) -> None:
    job = onboarding.application.job
    manager = job.team.filter(role="hiring_manager").first() or staff["maria"]
    recruiter = job.recruiter or staff["rebecka"]
    actions.save_plan(
        onboarding,
        {
            "start_date": start,
            "start_time": time(8, 30),
            "address": "Malmvägen 4, 981 38 Kiruna (huvudentrén)",
            "met_by": manager,
            "buddy": staff["ivar"],
            "people": [manager, recruiter, staff["astrid"], staff["ivar"]],
            "welcome_sv": (
                f"Hej och varmt välkommen till Norrsken Logistik! Vi har längtat efter dig. "
                f"Här hittar du allt du behöver inför din första dag. Hör av dig om du undrar "
                f"något – ingen fråga är för liten.\n\n{manager.display_name}"
            ),
            "welcome_en": (
                f"Hello and a warm welcome to Norrsken Logistik! We have been looking forward to "
                f"having you. Here is everything you need before your first day. Get in touch "
                f"if you wonder about anything – no question is too small.\n\n"
                f"{manager.display_name}"
            ),
            "videos": "https://video.norrskenlogistik.example/valkommen",
            "first_week_sv": (
                "Måndag: frukost med teamet, dator och konton, rundvandring.\n"
                "Tisdag: säkerhetsintroduktion och genomgång av våra system.\n"
                "Onsdag: följ med din fadder en hel dag.\n"
                "Torsdag: möten med HR och närmaste kollegor.\n"
                "Fredag: uppföljning med din chef – hur har veckan varit?"
            ),
            "first_week_en": (
                "Monday: breakfast with the team, computer and accounts, a tour.\n"
                "Tuesday: safety introduction and a walk through our systems.\n"
                "Wednesday: shadow your buddy for a full day.\n"
                "Thursday: meetings with HR and your closest colleagues.\n"
                "Friday: follow-up with your manager – how was the week?"
            ),
            "practical_sv": "Parkering finns bakom huset. Ta med legitimation till första dagen.",
            "practical_en": "Parking is behind the building. Bring ID on your first day.",
        },
        recruiter,
    )
    actions.invite(onboarding, recruiter)


def paperwork_sent(onboarding: Onboarding, staff: dict[str, User]) -> None:
    """The nearly ready hire: paperwork sent, most of the checklist done."""
    onboarding.refresh_from_db()
    Onboarding.objects.filter(pk=onboarding.pk).update(status=Status.INVITED)
    for material in Material.objects.filter(must_confirm=True)[:1]:
        actions.confirm_material(onboarding, material)
    actions.save_details(
        onboarding,
        {"preferred_name": "", "dietary": "Laktosintolerant", "computer": "mac"},
    )
    actions.save_pay_details(
        onboarding, {"bank": "Swedbank", "clearing": "8327", "account": "9234567890"}, {}
    )
    for task in onboarding.tasks.order_by("due_date")[:5]:
        actions.set_task_done(task, True, task.user or staff["astrid"])
