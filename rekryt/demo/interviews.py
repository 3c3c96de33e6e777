"""The demo's interviews: two scorecard templates, the plans of two jobs
(the warehouse job and the developer job), times offered, interviews booked
and held, scorecards submitted (with a disagreement to talk over) and
candidates still choosing a time.

Interviews in the past are written as they would stand after the fact;
upcoming ones go through the real actions, so their invitations wait in the
outbox like any others."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Application, Outcome
from rekryt.interviews import scheduling
from rekryt.interviews.actions import copy_template, save_scorecard
from rekryt.interviews.models import (
    Attribute,
    Category,
    Interview,
    Location,
    PlanStep,
    Question,
    ScorecardTemplate,
    Slot,
    Status,
    VideoAnswer,
    VideoQuestion,
)
from rekryt.jobs.models import Job, StageKind
from rekryt.messaging.hooks import status_changed
from rekryt.messaging.models import Message, MessageStatus

TEMPLATES = {
    ("Drift och lager", "Operations and warehouse"): [
        (("Säkerhet", "Safety"), [("Säkerhetstänk", "Safety mindset"), ("Ordning", "Tidiness")]),
        (
            ("Samarbete", "Teamwork"),
            [("Kommunikation", "Communication"), ("Pålitlighet", "Reliability")],
        ),
    ],
    ("Tjänstemän och tech", "Office and tech"): [
        (
            ("Kompetens", "Skills"),
            [("Problemlösning", "Problem solving"), ("Teknisk bredd", "Technical range")],
        ),
        (
            ("Arbetssätt", "Ways of working"),
            [("Samarbete", "Collaboration"), ("Ägarskap", "Ownership")],
        ),
    ],
}

QUESTIONS = {
    "Säkerhetstänk": (
        "Berätta om en gång du stoppade ett arbete för att det var osäkert.",
        "Tell us about a time you stopped work because it was unsafe.",
    ),
    "Pålitlighet": (
        "Hur gör du när du inte hinner klart före skiftets slut?",
        "What do you do when you cannot finish before your shift ends?",
    ),
    "Problemlösning": (
        "Berätta om det svåraste felet du har letat upp. Hur gick du till väga?",
        "Tell us about the hardest bug you have tracked down. How did you go about it?",
    ),
    "Samarbete": (
        "Berätta om en kodgranskning där ni inte var överens.",
        "Tell us about a code review where you disagreed.",
    ),
}


def set_up_templates() -> list[ScorecardTemplate]:
    made = []
    for (sv, en), categories in TEMPLATES.items():
        template, _created = ScorecardTemplate.objects.get_or_create(name_sv=sv, name_en=en)
        if not template.categories.exists():
            for order, ((csv, cen), attributes) in enumerate(categories):
                category = Category.objects.create(
                    template=template, name_sv=csv, name_en=cen, order=order
                )
                for n, (asv, aen) in enumerate(attributes):
                    Attribute.objects.create(category=category, name_sv=asv, name_en=aen, order=n)
        made.append(template)
    return made


def _plan(job: Job, template: ScorecardTemplate, location: Location | None) -> list[PlanStep]:
    copy_template(template, job)
    attributes = list(Attribute.objects.filter(category__job=job))
    first = PlanStep.objects.create(
        job=job,
        order=1,
        name_sv="Telefonintervju",
        name_en="Phone screen",
        duration_minutes=30,
        video=True,
        instructions="Presentera dig och jobbet i två minuter. Ställ frågorna i ordning.",
        agenda_sv="Vi berättar om jobbet och du om dig själv. Frågor från dig sist.",
        agenda_en="We tell you about the job, you tell us about yourself, then your questions.",
    )
    first.focus.set(attributes[:2])
    second = PlanStep.objects.create(
        job=job,
        order=2,
        name_sv="Kompetensintervju",
        name_en="Competence interview",
        duration_minutes=60,
        video=location is None,
        location=location,
        instructions="Två intervjuare. Fyll i bedömningen innan ni pratar med varandra.",
        agenda_sv="Frågor om erfarenhet, en kort rundvandring och tid för dina frågor.",
        agenda_en="Questions about your experience, a short tour and time for your questions.",
        bring_sv="Legitimation och gärna intyg för truckkort.",
        bring_en="Photo ID and, if you have one, your forklift certificate.",
    )
    second.focus.set(attributes[2:])
    for attribute in attributes:
        texts = QUESTIONS.get(attribute.name_sv)
        step = first if attribute in attributes[:2] else second
        if texts:
            Question.objects.create(
                step=step, attribute=attribute, text_sv=texts[0], text_en=texts[1]
            )
    return [first, second]


def _slots(step: PlanStep, people: list[User], now: datetime, days: int = 4) -> None:
    zone = timezone.get_current_timezone()
    for day in range(2, 2 + days):
        for hour in (9, 10, 13, 14):
            starts = timezone.make_aware(
                datetime.combine(timezone.localtime(now).date() + timedelta(days=day), time(hour)),
                zone,
            )
            slot = Slot.objects.create(
                step=step,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=step.duration_minutes),
            )
            slot.interviewers.set(people)


def _held(
    application: Application,
    step: PlanStep,
    people: list[User],
    when: datetime,
    ratings: list[list[int]],
) -> None:
    """An interview that has taken place, with each interviewer's scorecard."""
    interview = Interview.objects.create(
        application=application,
        step=step,
        status=Status.BOOKED,
        starts_at=when,
        ends_at=when + timedelta(minutes=step.duration_minutes),
        contact=people[0],
    )
    interview.interviewers.set(people)
    focus = list(step.focus.all())
    verdicts = ["definitely_not", "no", "yes", "strong_yes"]  # by the rounded mean, 1–4
    for person, marks in zip(people, ratings, strict=False):
        save_scorecard(
            interview,
            person,
            {a.pk: (mark, "") for a, mark in zip(focus, marks, strict=False)},
            verdicts[min(3, max(0, round(sum(marks) / len(marks)) - 1))] if marks else "",
            "Konkreta exempel, lugn och tydlig." if sum(marks) > 5 else "Svävande svar.",
            submit=True,
        )


LATER = [StageKind.INTERVIEW, StageKind.REFERENCES, StageKind.OFFER]


def add_interviews(staff: dict[str, User], now: datetime) -> None:
    templates = set_up_templates()
    location = Location.objects.create(
        name="Terminallagret, Göteborg",
        address="Exportgatan 12\n422 46 Hisings Backa",
        directions_sv="Anmäl dig i receptionen vid port 3.",
        directions_en="Check in at reception by gate 3.",
        transit_sv="Buss 31 till Exportgatan, fem minuters promenad.",
        transit_en="Bus 31 to Exportgatan, a five-minute walk.",
        parking_sv="Besöksparkering framför huvudentrén.",
        parking_en="Visitor parking in front of the main entrance.",
    )
    setups = [
        ("Lagermedarbetare", templates[0], location, [staff["maria"], staff["rebecka"]]),
        ("Backend Developer", templates[1], None, [staff["ahmed"], staff["ivar"]]),
    ]
    for title, template, place, people in setups:
        job = Job.objects.filter(title__startswith=title).order_by("pk").first()
        if job is None:
            continue
        first, second = _plan(job, template, place)
        _slots(first, people[:1], now)
        _slots(second, people, now, days=2)
        # Held interviews for those furthest along (Interview, References,
        # Offer), times offered and booked for those still screening.
        open_ = Application.objects.filter(job=job, outcome=Outcome.ACTIVE)
        ahead = list(open_.filter(stage__kind__in=LATER).order_by("-stage__order", "created_at"))
        behind = open_.exclude(stage__kind__in=LATER).order_by("-stage__order", "created_at")
        active = (ahead[:3] + list(behind) + ahead[3:])[:8]
        # Two held come first, then two still choosing and one booked, then a
        # third held and one more booked: a small demo shows each kind too.
        held = min(2, len(active)) + (1 if len(active) >= 6 else 0)
        choosing = active[held : held + 2]
        last_week = now - timedelta(days=6)
        past = [
            # Two interviewers who saw it differently on one attribute.
            (second, people, last_week, [[4, 3], [2, 3]]),
            (second, people, last_week + timedelta(hours=2), [[3, 4], [3, 4]]),
            (first, people[:1], last_week - timedelta(days=2), [[2, 2]]),
        ]
        for application, (step, who, when, marks) in zip(active[:held], past, strict=False):
            _held(application, step, who, when, marks)
        # Still choosing (first, so they get the invitations), then booked
        # ahead through the real actions (the invitations wait in the outbox).
        for application in choosing:
            scheduling.offer(application, first, people[0])
        open_slots = list(scheduling.open_slots(first)[:2])
        for application, slot in zip(active[held + 2 :], open_slots, strict=False):
            interview = scheduling.offer(application, first, people[0])
            scheduling.book(interview, slot, None, by_candidate=True)
    add_video_questions()
    # As everywhere in the demo, what was due has gone to the mailbox.
    done = timezone.now()
    due = list(
        Message.objects.filter(
            idempotency_key__startswith="iv:", status=MessageStatus.SCHEDULED, send_after__lte=done
        )
    )
    Message.objects.filter(pk__in=[m.pk for m in due]).update(
        status=MessageStatus.SENT, sent_at=done, to_mailbox=True
    )
    for message in due:
        message.status = MessageStatus.SENT
    status_changed(due)  # their "sent" events on the timelines


def add_video_questions() -> None:
    """The customer service job asks two one-way video questions, reviewed
    with a scorecard; one applicant without a camera answered in writing."""
    job = Job.objects.filter(title__startswith="Kundtjänst").order_by("pk").first()
    if job is None:
        return
    template = ScorecardTemplate.objects.order_by("pk").first()
    if template is not None and not Category.objects.filter(job=job).exists():
        copy_template(template, job)
    review = PlanStep.objects.create(
        job=job,
        order=1,
        name_sv="Videosvar",
        name_en="Video answers",
        one_way=True,
        instructions="Titta på båda svaren innan du bedömer. Bedöm innehållet, inte kameran.",
    )
    review.focus.set(Attribute.objects.filter(category__job=job))
    questions = [
        VideoQuestion.objects.create(
            job=job,
            order=1,
            text_sv="Berätta om ett samtal med en arg kund som slutade bra.",
            text_en="Tell us about a call with an angry customer that ended well.",
            think_seconds=30,
            answer_seconds=90,
            tries=2,
        ),
        VideoQuestion.objects.create(
            job=job,
            order=2,
            text_sv="Varför vill du arbeta med kundtjänst hos oss?",
            text_en="Why do you want to work in customer service with us?",
            think_seconds=20,
            answer_seconds=60,
            tries=2,
        ),
    ]
    applicant = (
        Application.objects.filter(job=job, outcome=Outcome.ACTIVE).order_by("created_at").first()
    )
    if applicant is not None:
        VideoAnswer.objects.create(
            application=applicant,
            question=questions[0],
            text="En kund hade fått fel faktura tre gånger. Jag lyssnade klart, bad om ursäkt "
            "och ringde tillbaka samma dag när felet var rättat.",
            completed_at=timezone.now(),
        )
