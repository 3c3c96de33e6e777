"""Explicit registries through which the apps that build on applications add
to its pages, so `applications` never imports them (screening registers its
parts in its AppConfig.ready()).

- apply parts: extra sections of the application form, validated with it and
  saved in the transaction that creates the application;
- board views: filters, an order and annotations for the board's cards, with
  the controls that choose them;
- card flags: short badges on a card, read from those annotations (no query);
- detail sections: extra sections of the application page;
- search texts: more of what an application was sent with (say, its
  screening answers), indexed with it so candidate search finds them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.db.models import Q
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from django.http import HttpRequest

    from rekryt.applications.models import Application
    from rekryt.jobs.models import Job


class ApplyPart(Protocol):
    """A section of the application form, e.g. a job's screening questions."""

    template: str
    form: Any

    def is_valid(self) -> bool: ...

    def needs_a_look(self) -> bool:
        """True when the candidate should read a notice before the form is
        sent (the form is shown again once, and the next send goes through)."""
        ...

    def keep_files(self) -> None: ...

    def discard_used(self) -> None: ...

    def save(self, application: Application) -> None:
        """Called inside the transaction that creates the application."""
        ...


ApplyPartFactory = Callable[["Job", Any, Any, str], "ApplyPart | None"]
_apply_parts: list[ApplyPartFactory] = []


def add_apply_part(factory: ApplyPartFactory) -> ApplyPartFactory:
    if factory not in _apply_parts:
        _apply_parts.append(factory)
    return factory


def apply_parts(job: Job, data: Any, files: Any, language: str) -> list[ApplyPart]:
    parts = (factory(job, data, files, language) for factory in _apply_parts)
    return [part for part in parts if part is not None]


@dataclass
class BoardView:
    """How one app narrows and orders the board's cards. `filters` apply to
    active cards (the column counts follow them), `order` replaces the
    newest-first order, `annotations` are read by card flags. The board's one
    filter form shows `fields` (rendered form fields) among its own and
    `sorts` ((value, label) pairs) in its one "Sort" list; `controls` is shown
    above the form (links, say)."""

    filters: list[Q] = field(default_factory=list)
    order: list[Any] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)
    controls: SafeString | str = ""
    query: dict[str, str] = field(default_factory=dict)
    fields: SafeString | str = ""
    sorts: list[tuple[str, str]] = field(default_factory=list)
    # `order` as (annotation name, expression, descending) keys, so the
    # application page's previous/next can walk the same order (nulls as a
    # value: a keyset cannot compare with NULL).
    keys: list[tuple[str, Any, bool]] = field(default_factory=list)


BoardViewProvider = Callable[["HttpRequest", "Job"], "BoardView | None"]
_board_views: list[BoardViewProvider] = []


def add_board_view(provider: BoardViewProvider) -> BoardViewProvider:
    if provider not in _board_views:
        _board_views.append(provider)
    return provider


def board_view(request: HttpRequest, job: Job) -> BoardView:
    """Every registered view merged: filters and annotations add up, the
    first order given wins."""
    merged = BoardView()
    controls: list[str] = []
    fields: list[str] = []
    for provider in _board_views:
        view = provider(request, job)
        if view is None:
            continue
        merged.filters.extend(view.filters)
        if view.order and not merged.order:
            merged.order, merged.keys = view.order, view.keys
        merged.annotations.update(view.annotations)
        merged.query.update(view.query)
        merged.sorts.extend(view.sorts)
        controls.append(str(view.controls))
        fields.append(str(view.fields))
    merged.controls = SafeString("".join(controls))  # nosec B703: controls rendered from templates
    merged.fields = SafeString("".join(fields))  # nosec B703: fields rendered from templates
    return merged


CardFlag = Callable[["Application"], "SafeString | str"]
_card_flags: list[CardFlag] = []


def add_card_flag(flag: CardFlag) -> CardFlag:
    if flag not in _card_flags:
        _card_flags.append(flag)
    return flag


def card_flags(application: Application) -> list[SafeString | str]:
    return [shown for shown in (flag(application) for flag in _card_flags) if shown]


@dataclass
class Section:
    template: str
    context: dict[str, Any]


DetailSection = Callable[["HttpRequest", "Application"], "Section | None"]
_detail_sections: list[DetailSection] = []


def add_detail_section(section: DetailSection) -> DetailSection:
    if section not in _detail_sections:
        _detail_sections.append(section)
    return section


def detail_sections(request: HttpRequest, application: Application) -> list[Section]:
    found = (section(request, application) for section in _detail_sections)
    return [section for section in found if section is not None]


class Blind(Protocol):
    """How a staff page shows an application under blind review: its
    pseudonym, its texts with the person masked, a notice for the place
    where the contact details would be (`template`, given `blind`), and a
    page with a document's text masked instead of the original file."""

    template: str

    @property
    def name(self) -> str: ...

    def mask(self, text: str) -> str: ...

    def document_url(self, document: Any) -> str: ...


BlindProvider = Callable[[list[Any]], "dict[int, Blind]"]
BlindScope = Callable[[], Any]
_blind_providers: list[BlindProvider] = []
_blind_scopes: list[BlindScope] = []


def add_blind_review(provider: BlindProvider, scope: BlindScope) -> None:
    """`provider(applications)` names the blind ones among them; `scope()`
    is a subquery of every blind application's id, or None when none is."""
    if provider not in _blind_providers:
        _blind_providers.append(provider)
        _blind_scopes.append(scope)


def blind_for(applications: Any) -> dict[int, Blind]:
    listed = list(applications)
    found: dict[int, Blind] = {}
    for provider in _blind_providers:
        found.update(provider(listed))
    return found


def blind_scope() -> list[Any]:
    """Subqueries of blind application ids, for pages that name people
    (search, candidate pages, downloads) to leave those applications out."""
    return [s for s in (scope() for scope in _blind_scopes) if s is not None]


def shown_name(application: Any, blind: dict[int, Blind]) -> str:
    seen = blind.get(application.pk)
    return seen.name if seen is not None else application.full_name


StageEntered = Callable[[Any, Any, bool], "bool | None"]
_stage_entered: list[StageEntered] = []


def on_stage_entered(reaction: StageEntered) -> StageEntered:
    """`reaction(application, stage, created)` runs in the transaction that
    created the application in its first stage or moved it into `stage`
    (screening invites to the tests a job asks for there). A reaction that
    returns True has sent the stage's email its own way (interviews sends
    the times to choose from instead of the plain invitation to interview)."""
    if reaction not in _stage_entered:
        _stage_entered.append(reaction)
    return reaction


def stage_entered(application: Any, stage: Any, created: bool) -> bool:
    """True when a reaction has replaced the stage's own email."""
    replaced = False
    for reaction in _stage_entered:
        replaced = bool(reaction(application, stage, created)) or replaced
    return replaced


OutcomeChanged = Callable[[Any, Any], None]
_outcome_changed: list[OutcomeChanged] = []


def on_outcome_changed(reaction: OutcomeChanged) -> OutcomeChanged:
    """`reaction(application, actor)` runs in the transaction that set the
    application's outcome (hired, rejected, withdrawn) or reopened it
    (outcome active again); it reads `application.outcome` (onboarding
    starts for a hire, and stops when the hire is reopened)."""
    if reaction not in _outcome_changed:
        _outcome_changed.append(reaction)
    return reaction


def outcome_changed(application: Any, actor: Any) -> None:
    for reaction in _outcome_changed:
        reaction(application, actor)


SearchTexts = Callable[["Application"], list[str]]
_search_texts: list[SearchTexts] = []


def add_search_texts(provider: SearchTexts) -> SearchTexts:
    """Register texts of an application for the search index."""
    if provider not in _search_texts:
        _search_texts.append(provider)
    return provider


def search_texts(application: Application) -> list[str]:
    return [text for provider in _search_texts for text in provider(application)]
