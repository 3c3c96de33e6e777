"""Nothing bypasses autoescaping without a review. Every `|safe`,
`{% autoescape off %}`, `mark_safe(` and `SafeString(` in the project is
listed here with the reason it is safe; a new one fails this test until it
has been reviewed and added. `format_html` escapes its arguments, so only a
format string built from data (an f-string or %) is refused."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the rekryt package

TEMPLATE_PATTERNS = {
    "|safe": re.compile(r"\|\s*safe(seq)?\b"),
    "autoescape off": re.compile(r"{%\s*autoescape\s+off\s*%}"),
}
CODE_PATTERNS = {
    "mark_safe": re.compile(r"\bmark_safe\("),
    "SafeString": re.compile(r"\bSafeString\("),
}

# (file under rekryt/, kind) -> (how many, why it is safe)
REVIEWED: dict[tuple[str, str], tuple[int, str]] = {
    ("jobs/jsonld.py", "mark_safe"): (
        1,
        "JSON with <, > and & \\u-escaped: cannot close the script",
    ),
    ("jobs/jsonld.py", "SafeString"): (1, "an empty string"),
    ("applications/hooks.py", "SafeString"): (
        2,
        "joins board controls and filter fields that providers rendered from templates "
        "(rekryt.screening.board)",
    ),
    ("screening/board.py", "SafeString"): (1, "joins badges built by format_html"),
    **{
        (f"screening/templates/screening/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text email; its HTML part escapes it whole (urlize with autoescape)",
        )
        for name in (
            "test_invitation",
            "test_invitation_subject",
            "test_reminder",
            "test_reminder_subject",
            "test_reused",
            "test_reused_subject",
        )
    },
    **{
        (f"references/templates/references/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text email or subject; its HTML part escapes it whole (urlize with autoescape)",
        )
        for name in (
            "reference_request",
            "reference_request_subject",
            "reference_reminder",
            "reference_reminder_subject",
        )
    },
    **{
        (f"analytics/templates/analytics/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text report email; its HTML part is its own template, autoescaped",
        )
        for name in ("weekly", "monthly")
    },
    **{
        (f"onboarding/templates/onboarding/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text email or subject; its HTML part escapes it whole (urlize with autoescape)",
        )
        for name in (
            "onboarding_invite",
            "onboarding_invite_subject",
            "onboarding_task_soon",
            "onboarding_task_soon_subject",
            "onboarding_task_overdue",
            "onboarding_task_overdue_subject",
        )
    },
    **{
        (f"interviews/templates/interviews/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text email or subject; its HTML part escapes it whole (urlize with autoescape)",
        )
        for name in (
            "_details",
            "_staff_details",
            "interview_booked",
            "interview_booked_subject",
            "interview_cancelled",
            "interview_cancelled_subject",
            "interview_kit",
            "interview_kit_subject",
            "interview_moved",
            "interview_moved_subject",
            "interview_offer",
            "interview_offer_subject",
            "interview_reminder",
            "interview_reminder_subject",
            "interview_times_asked",
            "interview_times_asked_subject",
            "interviewer_booked",
            "interviewer_booked_subject",
            "interviewer_cancelled",
            "interviewer_cancelled_subject",
            "interviewer_moved",
            "interviewer_moved_subject",
            "scorecard_reminder",
            "scorecard_reminder_subject",
        )
    },
    ("interviews/kit_views.py", "SafeString"): (
        1,
        "the comparison's rows: names and labels escaped, the rest ids and numbers",
    ),
    **{
        (f"offers/templates/offers/email/{name}.txt", "autoescape off"): (
            1,
            "plain-text email or subject; its HTML part escapes it whole (urlize with autoescape)",
        )
        for name in (
            "offer_sent",
            "offer_sent_subject",
            "offer_approval",
            "offer_approval_subject",
            "offer_answered",
            "offer_answered_subject",
        )
    },
    ("messaging/rendering.py", "mark_safe"): (
        1,
        "placeholder values escaped before format_map; the rest is the admin's own template",
    ),
    ("applications/cards.py", "mark_safe"): (
        3,
        "a constant SVG icon, the constant ' selected', and cards each built by format_html",
    ),
    ("portal/actions.py", "mark_safe"): (1, "the whole text escaped before urlize/linebreaks"),
    ("applications/mentions.py", "mark_safe"): (
        1,
        "the whole text escaped before urlize/linebreaks",
    ),
    ("conversations/inbound/replies.py", "mark_safe"): (
        1,
        "the whole text escaped before urlize/linebreaks",
    ),
    ("applications/templates/applications/email/mention.txt", "autoescape off"): (
        1,
        "plain-text email",
    ),
    ("applications/templates/applications/email/mention_subject.txt", "autoescape off"): (
        1,
        "a subject line, made header-safe by the outbox",
    ),
    ("conversations/templates/conversations/email/staff_reply.txt", "autoescape off"): (
        1,
        "plain-text email",
    ),
    ("conversations/templates/conversations/email/staff_reply_subject.txt", "autoescape off"): (
        1,
        "a subject line, made header-safe by the outbox",
    ),
    ("candidates/search.py", "mark_safe"): (
        1,
        "a search snippet: every word escaped before matched words are wrapped in <mark>",
    ),
    ("candidates/search.py", "SafeString"): (1, "an empty string"),
    ("lib/richtext.py", "mark_safe"): (
        1,
        "Markdown rendered with raw HTML off, then cleaned by nh3 to an allow-list",
    ),
    ("lib/richtext.py", "SafeString"): (1, "an empty string"),
    ("lib/widgets.py", "mark_safe"): (
        2,
        "joins of format_html output: every name, value and label escaped (test_widgets)",
    ),
    # Plain-text emails and files: never shown as HTML, so escaping would only
    # put &amp; into a candidate's inbox.
    ("promises/templates/promises/email/digest.txt", "autoescape off"): (1, "plain-text email"),
    ("privacy/templates/privacy/rights/export_readme.txt", "autoescape off"): (
        1,
        "plain-text README inside the candidate's own data export",
    ),
    ("accounts/templates/accounts/email/invite_message.txt", "autoescape off"): (
        1,
        "plain-text email",
    ),
    ("portal/templates/portal/email/staff_message.txt", "autoescape off"): (1, "plain-text email"),
    ("portal/templates/portal/email/staff_message_subject.txt", "autoescape off"): (
        1,
        "plain-text subject, made one line by the outbox",
    ),
}


def files(pattern: str):
    for path in sorted(ROOT.rglob(pattern)):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{relative}" or relative.startswith(("locale/", "static/")):
            continue
        yield relative, path.read_text(encoding="utf-8")


def found_uses() -> Counter[tuple[str, str]]:
    uses: Counter[tuple[str, str]] = Counter()
    for relative, text in files("*.py"):
        for kind, pattern in CODE_PATTERNS.items():
            uses[(relative, kind)] += len(pattern.findall(text))
    for suffix in ("*.html", "*.txt", "*.xml", "*.svg"):
        for relative, text in files(suffix):
            if "/templates/" not in f"/{relative}":
                continue
            for kind, pattern in TEMPLATE_PATTERNS.items():
                uses[(relative, kind)] += len(pattern.findall(text))
    return +uses  # drop the zeros


def test_every_unescaped_output_is_reviewed():
    found = found_uses()
    expected = Counter({key: count for key, (count, _why) in REVIEWED.items()})
    new = {key: n for key, n in found.items() if n > expected.get(key, 0)}
    assert not new, (
        "Output that bypasses autoescaping was added. Make sure no user-controlled value "
        "reaches it unescaped, then list it in REVIEWED in "
        f"rekryt/ops/tests/test_security_escaping.py with the reason: {new}"
    )
    gone = {key: n for key, n in expected.items() if found.get(key, 0) < n}
    assert not gone, f"REVIEWED lists uses that are gone; update the counts: {gone}"


def test_format_html_is_never_given_a_built_format_string():
    built = re.compile(r"format_html\(\s*(f[\"']|[\"'][^\"']*[\"']\s*%|[\"'][^\"']*[\"']\.format)")
    offenders = [relative for relative, text in files("*.py") if built.search(text)]
    assert not offenders, f"format_html needs a constant format string: {offenders}"


def test_the_reviewed_reasons_are_written():
    assert all(why.strip() for _count, why in REVIEWED.values())
