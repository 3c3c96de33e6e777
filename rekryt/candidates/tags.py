"""Tagging candidates. Tags are organisation-wide: typing a name that does
not exist yet creates it, in the next colour of the palette."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from rekryt.candidates.models import Candidate, Tag, TagColour

log = logging.getLogger(__name__)
MAX_TAGS_PER_CANDIDATE = 30


def tag_named(name: str) -> Tag:
    name = " ".join(name.split())[:40]
    found = Tag.objects.filter(name__iexact=name).first()
    if found is not None:
        return found
    colours = list(TagColour.values)
    colour = colours[Tag.objects.count() % len(colours)]
    tag, _created = Tag.objects.get_or_create(name=name, defaults={"colour": colour})
    return tag


@transaction.atomic
def add_tag(candidate: Candidate, name: str, actor: Any) -> Tag | None:
    """Tag the candidate; None when they already carry the most tags allowed."""
    tag = tag_named(name)
    if candidate.tags.filter(pk=tag.pk).exists():
        return tag
    if candidate.tags.count() >= MAX_TAGS_PER_CANDIDATE:
        return None
    candidate.tags.add(tag)
    log.info("tag %s added to candidate %s by %s", tag.pk, candidate.pk, getattr(actor, "pk", None))
    return tag


@transaction.atomic
def remove_tag(candidate: Candidate, tag: Tag, actor: Any) -> None:
    candidate.tags.remove(tag)
    log.info(
        "tag %s removed from candidate %s by %s", tag.pk, candidate.pk, getattr(actor, "pk", None)
    )


def tags_for(candidate: Candidate) -> list[Tag]:
    """Every tag, each with `mine` (the candidate carries it), in one query."""
    carried = Candidate.tags.through.objects.filter(candidate=candidate, tag=OuterRef("pk"))
    return list(Tag.objects.annotate(mine=Exists(carried)))
