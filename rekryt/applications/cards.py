"""Board cards rendered in Python.

A board shows up to 25 cards in each of its columns; rendering each through
`{% include %}` cost most of the board's time (about 80 ms for 300 cards).
The parts that are the same on every card — the URL patterns, the CSRF field,
the stage options — are built once per board, and each card is one
`format_html` call with every value escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from rekryt.applications import extensions
from rekryt.applications.hooks import Blind, card_flags, shown_name
from rekryt.applications.models import Application
from rekryt.jobs.models import Stage
from rekryt.messaging.models import Message, TemplateKind

CV_ICON = mark_safe(  # nosec B308: a constant
    '<svg aria-hidden="true" focusable="false" width="14" height="16" viewBox="0 0 14 16">'
    '<path fill="currentColor" d="M1 0h8l5 5v11H1zM8.5 1.5V5.5h4zM3 8h8v1H3zm0 2.5h8v1H3zm0 '
    '2.5h6v1H3z"/></svg>'
)


HTMX_SWAP = 'hx-target="#board" hx-swap="outerHTML"'


def _e(value: object) -> str:
    """Escape like Django's `escape` (the same five characters), without
    building a SafeString for every piece of a card."""
    return html.escape(str(value), quote=True)


def _pattern(name: str) -> str:
    # Reverse once with a marker pk, then fill in each card's pk by replace.
    return reverse(name, args=[987654321]).replace("987654321", "{pk}")


class CardRenderer:
    def __init__(
        self,
        request: Any,
        stages: Iterable[Stage],
        *,
        can_decide: bool,
        back_url: str,
        in_board: bool,
        pending: dict[int, Message] | None = None,
        blind: dict[int, Blind] | None = None,
        detail_suffix: str = "",
    ) -> None:
        self.can_decide = can_decide
        self.pending = pending or {}
        # Applications under blind review show a pseudonym, and no source
        # (a campaign's own ?source= slug can name a person).
        self.blind = blind or {}
        self.preview_url = _pattern("message_preview")
        self.undo_url = _pattern("application_undo_move")
        self.in_board = in_board
        # The board's filter and sort go with the card's link, so the
        # application page's previous and next walk the same list.
        # Escaped once here: the cards put them in attributes as they are.
        self.detail_url = _e(
            _pattern("application_detail") + detail_suffix.replace("{", "{{").replace("}", "}}")
        )
        self.move_url = _e(_pattern("application_move"))
        self.has_cv = format_html(
            '<span class="board-card-cv" title="{0}">{1}<span class="visually-hidden">{0}</span>'
            "</span>",
            gettext("Has a CV"),
            CV_ICON,
        )
        self.hidden = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="next" value="{}">',
            get_token(request),
            back_url,
        )
        self.differs = format_html(
            '<span class="badge badge-warn">{}</span>', gettext("Other details")
        )
        self.resubmitted = format_html(
            '<span class="badge badge-warn">{}</span>', gettext("Sent again")
        )
        self.extra_flags = [
            (name, format_html('<span class="badge badge-unread">{}</span>', label()))
            for name, label in extensions.card_flags()
        ]
        # Filled with an escaped name.
        self.select_label = _e(gettext("Select %(name)s"))
        self.move_label = _e(gettext("Move %(name)s to"))
        self.move_button = escape(gettext("Move"))
        stages = list(stages)
        self.options = {
            current.pk: format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (s.pk, mark_safe(" selected") if s.pk == current.pk else "", s.name)  # nosec B308: a constant
                    for s in stages
                ),
            )
            for current in stages
        }

    def __call__(self, application: Application) -> str:
        # Plain string building with every value escaped: format_html per
        # card part cost about 0.1 ms a card, a third of a 300-card board.
        pk = application.pk
        days = application.days_in_stage
        meta = ngettext("%(days)s day in stage", "%(days)s days in stage", days) % {"days": days}
        label = "" if pk in self.blind else application.source_label
        source = f" · <span>{_e(label)}</span>" if label else ""
        name = _e(self.name(application))
        select = self._select(pk, name) if self.can_decide and self.in_board else ""
        cv = self.has_cv if getattr(application, "has_cv", False) else ""
        form = self._form(application, name) if self.can_decide else ""
        return (
            f'<li class="board-card" id="card-{pk}" data-application="{pk}">{select}'
            f'<a class="board-card-name" href="{self.detail_url.format(pk=pk)}">{name}</a>{cv}'
            f'<p class="board-card-meta muted"><span data-days>{_e(meta)}</span>{source}</p>'
            f"{self._flags(application)}{self.pending_badge(application)}{form}</li>"
        )

    def name(self, application: Application) -> str:
        return shown_name(application, self.blind)

    def _flags(self, application: Application) -> str:
        """What a recruiter should notice before opening the card: the form was
        sent with details other than the candidate's own, or sent again."""
        flags: list[SafeString | str] = []
        if application.differing_details():
            flags.append(self.differs)
        if getattr(application, "resubmitted", False):
            flags.append(self.resubmitted)
        flags.extend(card_flags(application))
        flags += [badge for name, badge in self.extra_flags if getattr(application, name, False)]
        if not flags:
            return ""
        return format_html(
            '<p class="board-card-flags">{}</p>', format_html_join(" ", "{}", ((f,) for f in flags))
        )

    def pending_badge(self, application: Application) -> SafeString | str:
        """The stage email this card's move queued, while it waits: when it
        goes out, a preview, and (for those who may move cards) an undo."""
        message = self.pending.get(application.pk)
        if message is None:
            return ""
        name = self.name(application)
        when = timezone.localtime(message.send_after)
        shape = "TIME_FORMAT" if when.date() == timezone.localdate() else "SHORT_DATETIME_FORMAT"
        label = gettext("%(email)s goes out at %(time)s") % {
            "email": TemplateKind(message.kind).label if message.kind in TemplateKind else "",
            "time": formats.date_format(when, shape),
        }
        undo = ""
        if self.can_decide and getattr(message, "undoable", False):
            undo = self._undo_form(application)
        return format_html(
            '<div class="board-card-pending" id="pending-{pk}"><p>{label} '
            '<a href="{preview}">{preview_text}<span class="visually-hidden">: {name}</span></a>'
            "</p>{undo}</div>",
            pk=application.pk,
            label=label,
            preview=self.preview_url.format(pk=message.pk),
            preview_text=gettext("Preview"),
            name=name,
            undo=undo,
        )

    def _undo_form(self, application: Application) -> SafeString:
        action = self.undo_url.format(pk=application.pk)
        htmx = (
            format_html(' hx-post="{}" hx-target="#board" hx-swap="outerHTML"', action)
            if self.in_board
            else ""
        )
        return format_html(
            '<form class="undo-form" method="post" action="{action}"{htmx}>{hidden}'
            '<button type="submit">{undo}<span class="visually-hidden">: {label}</span></button>'
            "</form>",
            action=action,
            htmx=htmx,
            hidden=self.hidden,
            undo=gettext("Undo"),
            label=gettext("undo the move of %(name)s and do not send the email")
            % {"name": self.name(application)},
        )

    def _select(self, pk: int, name: str) -> str:
        # The checkbox belongs to the board's bulk form (`form` attribute): a
        # card already holds its own move form, and forms cannot nest.
        label = self.select_label % {"name": name}
        return (
            f'<input type="checkbox" class="board-card-select" id="select-{pk}" '
            f'name="applications" value="{pk}" form="bulk-reject">'
            f'<label for="select-{pk}" class="visually-hidden">{label}</label>'
        )

    def _form(self, application: Application, name: str) -> str:
        pk = application.pk
        action = self.move_url.format(pk=pk)
        htmx = f' hx-post="{action}" {HTMX_SWAP}' if self.in_board else ""
        label = self.move_label % {"name": name}
        return (
            f'<form class="move-form" method="post" action="{action}"{htmx}>{self.hidden}'
            f'<label for="move-{pk}" class="visually-hidden">{label}</label>'
            f'<select id="move-{pk}" name="stage">{self.options.get(application.stage_id, "")}'
            f'</select><button type="submit">{self.move_button}</button></form>'
        )

    def render_all(self, applications: Iterable[Application]) -> SafeString:
        return mark_safe("".join(self(a) for a in applications))  # noqa: S308 (each card escaped)  # nosec B308 B703
