"""Which questions a referee answers: the template for the job's department
(or the default one), plus a 1-5 rating of each of the job's scorecard
attributes when the template asks for them. Copied into the request's
`Item` rows when it is made."""

from __future__ import annotations

from rekryt.interviews.models import Attribute
from rekryt.jobs.models import Job
from rekryt.references.models import Item, Kind, QuestionnaireTemplate, ReferenceRequest


def template_for(job: Job) -> QuestionnaireTemplate | None:
    found = list(QuestionnaireTemplate.objects.filter(department__in=[job.department, ""]))
    found.sort(key=lambda t: (t.department != job.department, t.pk))
    return found[0] if found else None


def rating_text(attribute: Attribute) -> tuple[str, str]:
    return (
        f"Hur väl stämmer detta in på kandidaten: {attribute.name_sv}?",
        f"How well does this describe the candidate: {attribute.name_en}?",
    )


def build_items(request: ReferenceRequest, job: Job) -> list[Item]:
    template = template_for(job)
    items: list[Item] = []
    if template is None or template.rate_scorecard:
        attributes = Attribute.objects.filter(category__job=job).select_related("category")
        for attribute in attributes:
            sv, en = rating_text(attribute)
            items.append(
                Item(request=request, kind=Kind.LIKERT, text_sv=sv, text_en=en, attribute=attribute)
            )
    if template is not None:
        items += [
            Item(request=request, kind=q.kind, text_sv=q.text_sv, text_en=q.text_en)
            for q in template.questions.all()
        ]
    for n, item in enumerate(items):
        item.order = n
    request.template_name = str(template) if template else ""
    return Item.objects.bulk_create(items)
