"""The public application form: few required fields, hostile input refused.

Required: first and last name, email, a CV or a few words about yourself, and
the privacy notice checkbox. Files are checked by content
(`rekryt.lib.sniff`); a file that passed is kept as a PendingUpload when the
form fails for another reason, so the candidate never chooses it twice."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.validators import RegexValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from rekryt.applications.actions import Submission, Upload
from rekryt.applications.models import Source
from rekryt.candidates.models import DocumentKind, PendingUpload
from rekryt.candidates.pending import discard_pending, find_pending, store_pending
from rekryt.jobs.career import source_from
from rekryt.lib.middleware import too_large_message
from rekryt.lib.sniff import Checked, RejectedFile, check_document
from rekryt.privacy.consent import consent_sentence
from rekryt.privacy.models import ConsentPurpose

# File fields and the Document kind each becomes.
FILE_KINDS = {"cv": DocumentKind.CV, "cover_letter_file": DocumentKind.COVER_LETTER}
HONEYPOT = "website"
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_KEY = re.compile(r"\A[0-9a-f]{32}\Z")
# A hint for the file picker only; what a file is gets decided by its content.
ACCEPT = ".pdf,.docx,.odt"


def new_submission_key() -> str:
    return secrets.token_hex(16)


def _without_controls(value: str, keep: str = "") -> str:
    value = _BIDI.sub("", value)
    return "".join(ch for ch in value if ch in keep or unicodedata.category(ch) != "Cc")


class NameField(forms.CharField):
    """One line of text: line breaks are refused (they would end up in email
    headers), other control characters and bidi overrides are removed."""

    default_error_messages = {"multiline": _("Please write your name on one line.")}

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        if _LINE_BREAKS.search(value):
            raise forms.ValidationError(self.error_messages["multiline"], code="multiline")
        return " ".join(_without_controls(value).split())


class TextField(forms.CharField):
    """Free text: control characters other than line breaks and tabs removed."""

    def to_python(self, value: Any) -> str:
        return _without_controls(super().to_python(value) or "", keep="\n\r\t")


class SourceField(forms.CharField):
    """The hidden ?source= value, made a short slug whatever was posted."""

    def to_python(self, value: Any) -> str:
        return source_from({"source": super().to_python(value) or ""})


class LinkField(forms.URLField):
    """A web address: http and https only. It replaces URLField's own
    validator rather than adding a second one, which said the same error twice."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Please write a web address, like https://www.linkedin.com/in/your-name.")
    }


@dataclass
class Attachment:
    """A file already on the server, shown as "CV.pdf is attached"."""

    token: str
    name: str


class ApplyForm(forms.Form):
    first_name = NameField(
        label=_("First name"),
        max_length=100,
        error_messages={"required": _("Please write your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = NameField(
        label=_("Last name"),
        max_length=100,
        error_messages={"required": _("Please write your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Please write your email address."),
            "invalid": _("Please write a valid email address, like name@example.com."),
        },
        help_text=_("We send a confirmation and our answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    cv = forms.FileField(
        label=_("CV"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt)."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    about = TextField(
        label=_("A few words about you"),
        required=False,
        max_length=3000,
        help_text=_("Instead of a CV, or as well: what you have done and what you are good at."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                r"\A\+?[0-9 ()./-]{3,40}\Z",
                _("Please write a phone number using digits, spaces and a leading +."),
            )
        ],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    link = LinkField(
        label=_("LinkedIn or portfolio (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    cover_letter = TextField(
        label=_("Cover letter (optional)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cover_letter_file = forms.FileField(
        label=_("Cover letter as a file (optional)"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt)."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    heard_from = forms.ChoiceField(
        label=_("Where did you hear about us? (optional)"),
        required=False,
        choices=[("", _("Choose…")), *Source.choices],
    )
    consent = forms.BooleanField(
        label=_("I have read how my information is handled."),
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )
    # Optional and unticked: future roles need consent, the application does not.
    future_contact = forms.BooleanField(required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    source = SourceField(required=False, widget=forms.HiddenInput)
    submission_key = forms.RegexField(regex=_KEY, max_length=32, widget=forms.HiddenInput)
    # The privacy notice version the form showed (rekryt.privacy.notice).
    notice_version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, oversized: set[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["future_contact"].label = consent_sentence(ConsentPurpose.FUTURE_CONTACT)
        if self.is_bound and not _KEY.match(str(self.data.get("submission_key", ""))):
            # A missing or altered key gets a fresh one, so the re-shown form
            # still protects the next submit against double clicks.
            self.replace_key()
        self.oversized = oversized or set()
        self.fresh: dict[str, tuple[Any, Checked]] = {}
        self.kept: dict[str, tuple[str, PendingUpload]] = {}
        self.attachments: dict[str, Attachment] = {}

    def replace_key(self) -> None:
        data: Any = self.data
        data = data.copy()  # a QueryDict's copy is mutable
        data["submission_key"] = new_submission_key()
        self.data = data

    @property
    def is_bot(self) -> bool:
        """The honeypot: people never see the field, some bots fill every one."""
        return bool(self.is_bound and str(self.data.get(HONEYPOT, "")).strip())

    def clean_cv(self) -> Any:
        return self._clean_document("cv")

    def clean_cover_letter_file(self) -> Any:
        return self._clean_document("cover_letter_file")

    def _clean_document(self, name: str) -> Any:
        token = str(self.data.get(f"{name}_token", ""))[:100]
        pending = find_pending(token) if token else None
        if pending is not None:
            self.kept[name] = (token, pending)
        if name in self.oversized:
            raise forms.ValidationError(too_large_message(), code="too_large")
        file = self.cleaned_data.get(name)
        if not file:
            if token and pending is None:
                raise forms.ValidationError(
                    _("The file you attached earlier has expired. Please choose it again."),
                    code="expired",
                )
            return None
        try:
            checked = check_document(file)
        except RejectedFile as exc:
            raise forms.ValidationError(exc.message, code="rejected") from None
        self.fresh[name] = (file, checked)
        return file

    def has_document(self, name: str) -> bool:
        return name in self.fresh or name in self.kept

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "cv" not in self.errors and not self.has_document("cv") and not cleaned.get("about"):
            self.add_error("cv", _("Attach your CV or write a few words about yourself below."))
        return cleaned

    def submission(self, language: str) -> Submission:
        data = self.cleaned_data
        return Submission(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            phone=data["phone"],
            link=data["link"],
            about=data["about"],
            cover_letter=data["cover_letter"],
            source=data["source"],
            heard_from=data["heard_from"],
            language=language,
            submission_key=data["submission_key"],
            uploads=self.uploads(),
        )

    def uploads(self) -> list[Upload]:
        uploads = []
        for name, kind in FILE_KINDS.items():
            if name in self.fresh:
                file, checked = self.fresh[name]
                file.seek(0)
                uploads.append(
                    Upload(
                        kind,
                        file,
                        checked.original_name,
                        checked.content_type,
                        checked.size,
                        checked.sha256,
                    )
                )
            elif name in self.kept:
                _token, pending = self.kept[name]
                pending.file.open("rb")
                uploads.append(
                    Upload(
                        kind,
                        pending.file,
                        pending.original_name,
                        pending.content_type,
                        pending.size,
                        pending.sha256,
                    )
                )
        return uploads

    def discard_used(self) -> None:
        """After a successful submit: the pending files are Documents now."""
        for _token, pending in self.kept.values():
            pending.file.close()
            discard_pending(pending)

    def keep_files(self) -> None:
        """Before showing the form again: store files that passed their
        checks and point the re-shown form at them."""
        for name in FILE_KINDS:
            if name in self.fresh:
                file, checked = self.fresh[name]
                token, _pending = store_pending(
                    file,
                    original_name=checked.original_name,
                    content_type=checked.content_type,
                    size=checked.size,
                    sha256=checked.sha256,
                )
                if name in self.kept:
                    discard_pending(self.kept[name][1])
                self.attachments[name] = Attachment(token, checked.original_name)
            elif name in self.kept:
                token, pending = self.kept[name]
                self.attachments[name] = Attachment(token, pending.original_name)
            if name in self.attachments:
                self._describe_attachment(name)

    def _describe_attachment(self, name: str) -> None:
        # Django builds aria-describedby only when none is set; this field
        # also points at its "is attached" note, so spell it out in full.
        auto_id = self[name].auto_id
        ids = [f"{auto_id}_helptext", f"{auto_id}_attached"]
        if name in self.errors:
            ids.append(f"{auto_id}_error")
        self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)
