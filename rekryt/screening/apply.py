"""The job's screening questions on the application form (registered with
rekryt.applications.hooks), and what happens to the answers.

A must-have the answers miss is told to the candidate at once and kindly,
before sending: the form comes back once with a notice naming the
requirement, and the next send goes through as it is. Nothing is rejected
here; the application is flagged and a person decides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.crypto import constant_time_compare, salted_hmac

from rekryt.applications.apply_forms import Attachment
from rekryt.candidates.pending import discard_pending, find_pending, store_pending
from rekryt.jobs.models import Job
from rekryt.lib.sniff import Checked, RejectedFile, check_document
from rekryt.screening.apply_form import ScreeningForm, field_name
from rekryt.screening.criteria import describe_criterion
from rekryt.screening.models import JobQuestion, QuestionKind, Rule
from rekryt.screening.scoring import FileAnswer, record_answers

SEEN_FIELD = "screening-seen"


def job_questions(job: Job) -> list[JobQuestion]:
    return list(
        JobQuestion.objects.filter(job=job)
        .select_related("question")
        .prefetch_related("question__choices")
    )


@dataclass
class Miss:
    job_question: JobQuestion
    question: str
    criterion: str


def screening_part(job: Job, data: Any, files: Any, language: str) -> ScreeningPart | None:
    questions = job_questions(job)
    if not questions:
        return None
    return ScreeningPart(questions, language, data, files)


class ScreeningPart:
    template = "screening/apply_questions.html"
    notice_template = "screening/apply_notice.html"

    def __init__(self, questions: list[JobQuestion], language: str, data: Any, files: Any):
        self.language = language
        self.data = data
        self.form = ScreeningForm(questions, language, data, files)
        self.fresh: dict[str, tuple[Any, Checked]] = {}
        self.kept: dict[str, tuple[str, Any]] = {}
        self.attachments: dict[str, Attachment] = {}
        self._checked = False

    @property
    def questions(self) -> list[JobQuestion]:
        return self.form.questions

    def is_valid(self) -> bool:
        self.form.is_valid()
        if not self._checked:
            self._checked = True
            for jq in self.questions:
                if jq.kind == QuestionKind.FILE:
                    self._check_file(jq)
        return not self.form.errors

    def _check_file(self, jq: JobQuestion) -> None:
        name = field_name(jq)
        token = str(self.data.get(f"{self.form.prefix}-{name}_token", ""))[:100]
        pending = find_pending(token) if token else None
        if pending is not None:
            self.kept[name] = (token, pending)
        file = self.form.cleaned_data.get(name) if hasattr(self.form, "cleaned_data") else None
        if not file:
            if name in self.form.errors and pending is not None:
                del self.form.errors[name]  # the file chosen earlier answers it
            return
        try:
            checked = check_document(file)
        except RejectedFile as exc:
            self.form.add_error(name, forms.ValidationError(exc.message, code="rejected"))
            return
        self.fresh[name] = (file, checked)

    # --- must-haves the answers miss ----------------------------------------

    def misses(self) -> list[Miss]:
        if not self.form.is_bound or self.form.errors:
            return []
        found = []
        for jq in self.questions:
            if jq.rule != Rule.MUST:
                continue
            met, _points = jq.judge(self._value(jq))
            if not met:
                found.append(
                    Miss(jq, jq.question.text_in(self.language), _wanted(jq, self.language))
                )
        return found

    def _value(self, jq: JobQuestion) -> Any:
        if jq.kind == QuestionKind.FILE:
            name = field_name(jq)
            return "file" if name in self.fresh or name in self.kept else None
        return self.form.answer(jq)

    def seen_digest(self) -> str:
        """Names the missed requirements and the answers given: the same
        answers sent again after the notice go through; changed ones that
        still miss are told again."""
        text = "|".join(f"{m.job_question.pk}:{self._value(m.job_question)}" for m in self.misses())
        return salted_hmac("rekryt.screening.seen", text).hexdigest()

    def needs_a_look(self) -> bool:
        if not self.misses():
            return False
        seen = str(self.data.get(SEEN_FIELD, ""))[:64]
        return not constant_time_compare(seen, self.seen_digest())

    # --- files ----------------------------------------------------------------

    def keep_files(self) -> None:
        for name, (file, checked) in self.fresh.items():
            token, _pending = store_pending(
                file,
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                sha256=checked.sha256,
            )
            if name in self.kept:
                discard_pending(self.kept[name][1])
            self.kept[name] = (token, _pending)
            self.attachments[name] = Attachment(token, checked.original_name)
        for name, (token, pending) in self.kept.items():
            self.attachments.setdefault(name, Attachment(token, pending.original_name))
        self.fresh = {}

    def discard_used(self) -> None:
        for _token, pending in self.kept.values():
            pending.file.close()
            discard_pending(pending)

    def file_answers(self) -> dict[int, FileAnswer]:
        answers = {}
        for jq in self.questions:
            name = field_name(jq)
            if name in self.fresh:
                file, checked = self.fresh[name]
                answers[jq.pk] = FileAnswer(
                    file, checked.original_name, checked.content_type, checked.size, checked.sha256
                )
            elif name in self.kept:
                _token, pending = self.kept[name]
                pending.file.open("rb")
                answers[jq.pk] = FileAnswer(
                    pending.file,
                    pending.original_name,
                    pending.content_type,
                    pending.size,
                    pending.sha256,
                )
        return answers

    def items(self) -> list[dict[str, Any]]:
        """Each question's bound field, for the template."""
        rows = []
        for jq in self.questions:
            name = field_name(jq)
            rows.append(
                {
                    "field": self.form[name],
                    "group": jq.kind in _GROUPED,
                    "attachment": self.attachments.get(name),
                }
            )
        return rows

    def save(self, application: Any) -> None:
        answers = {jq.pk: self.form.answer(jq) for jq in self.questions}
        record_answers(application, self.questions, answers, self.file_answers())


_GROUPED = {QuestionKind.YES_NO, QuestionKind.SINGLE, QuestionKind.MULTIPLE}


def _wanted(jq: JobQuestion, language: str) -> str:
    return describe_criterion(jq, language)
