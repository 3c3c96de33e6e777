"""Talent-pool memberships, answers and timelines: in the candidate's export
and erased with them (see rekryt.candidates.personal_data for the contract).
The consent records themselves belong to the privacy app."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.talentpool.models import Activity, Member, MemberAnswer, MemberEntry


def export(candidate: Candidate) -> dict[str, Any]:
    members = Member.objects.filter(candidate=candidate).select_related("pool").order_by("pk")
    answers = MemberAnswer.objects.filter(member__candidate=candidate).order_by("pk")
    activities = Activity.objects.filter(member__candidate=candidate).order_by("pk")
    return {
        "talent_pools": [
            {
                "pool": m.pool.name_en,
                "intent": m.intent,
                "note": m.note,
                "last_contact": iso(m.last_contact),
                "next_contact": iso(m.next_contact),
                "answer_due": iso(m.answer_due),
                "joined": iso(m.added_at),
            }
            for m in members
        ],
        "talent_pool_answers": [
            {"question": a.question_en, "answer": a.value, "met": a.met} for a in answers
        ],
        "talent_pool_timeline": [
            {"kind": a.kind, "text": a.text, "at": iso(a.created_at)} for a in activities
        ],
    }


def erase(candidate: Candidate) -> dict[str, int]:
    entries, _ = MemberEntry.objects.filter(candidate=candidate).delete()
    members, _ = Member.objects.filter(candidate=candidate).delete()
    return {"talent pool memberships": members, "talent pool index entries": entries}
