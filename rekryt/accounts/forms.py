"""Organisation settings form, also used by the Django admin so both paths
check an uploaded logo the same way."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation, Role, StaffInvite, User, hex_colour

LOGO_MAX_BYTES = 2 * 1024 * 1024
# The first bytes decide the type: the file name and the browser's declared
# type are whatever the uploader wants them to be.
LOGO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg"}
MIN_CONTRAST_ON_WHITE = 4.5  # WCAG 2.1 AA for normal text
# At least a minute to notice a wrong move and undo it; at most a day, after
# which an interview invitation would be late rather than careful.
STAGE_EMAIL_DELAY_BOUNDS = (1, 1440)


def sniff_logo(upload: UploadedFile) -> str | None:
    """The file extension the content proves, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for signature, extension in LOGO_SIGNATURES.items():
        if head.startswith(signature):
            return extension
    return None


def contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "logo",
            "brand_colour",
            "privacy_contact",
            "default_language",
            "website",
            "country",
            "reply_to_email",
            "stage_email_delay_minutes",
        ]
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
            "brand_colour": forms.TextInput(attrs={"type": "color"}),
        }
        help_texts = {
            "logo": _("PNG or JPEG, at most 2 MB. Shown on the career site and in emails."),
            "brand_colour": _(
                "Used for buttons and links, with white text on it, so it must be dark enough "
                "to read."
            ),
            "privacy_contact": _("Candidates write here about their personal data."),
            "default_language": _("For new jobs and for staff who have not chosen one."),
            "country": _("Two letters, for example SE."),
        }

    def __init__(self, *args: Any, oversized: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        low, high = STAGE_EMAIL_DELAY_BOUNDS
        self.fields["stage_email_delay_minutes"].widget.attrs.update({"min": low, "max": high})
        # Set by the upload handler when a file went over the site-wide cap
        # and was dropped before it reached the form.
        self.oversized = oversized or set()
        self.previous_logo = self.instance.logo.name if self.instance.logo else ""

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        too_large = _("The logo is larger than 2 MB. Please choose a smaller file.")
        if "logo" in self.oversized:
            raise forms.ValidationError(too_large)
        if not isinstance(logo, UploadedFile):
            return logo  # unchanged, or cleared (False)
        if logo.size is not None and logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(too_large)
        extension = sniff_logo(logo)
        if extension is None:
            raise forms.ValidationError(_("The logo must be a PNG or JPEG image."))
        logo.name = f"logo.{extension}"  # never keep the uploader's file name
        return logo

    def clean_brand_colour(self) -> str:
        colour: str = self.cleaned_data["brand_colour"].lower()
        hex_colour(colour)
        if contrast_with_white(colour) < MIN_CONTRAST_ON_WHITE:
            raise forms.ValidationError(
                _("White text on this colour is hard to read. Choose a darker colour.")
            )
        return colour

    def clean_stage_email_delay_minutes(self) -> int:
        minutes = self.cleaned_data.get("stage_email_delay_minutes")
        low, high = STAGE_EMAIL_DELAY_BOUNDS
        if minutes is None or not low <= minutes <= high:
            raise forms.ValidationError(
                _("Choose between %(low)d and %(high)d minutes.") % {"low": low, "high": high}
            )
        return int(minutes)

    def clean_country(self) -> str:
        country: str = self.cleaned_data["country"].strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError(_("Use a two-letter country code, for example SE."))
        return country

    def save(self, commit: bool = True) -> Organisation:
        organisation: Organisation = super().save(commit=commit)
        if commit and self.previous_logo and organisation.logo.name != self.previous_logo:
            organisation.logo.storage.delete(self.previous_logo)
        return organisation


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.INTERVIEWER)

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone on the staff already has this email address."))
        return email


class AcceptInviteForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, invite: StaffInvite, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invite = invite

    def clean(self) -> dict[str, Any]:
        from django.contrib.auth import password_validation

        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            probe = User(
                username=self.invite.email,
                email=self.invite.email,
                first_name=self.invite.first_name,
                last_name=self.invite.last_name,
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class SecuritySettingsForm(forms.Form):
    require_two_factor = forms.BooleanField(
        label=_("Require two-factor authentication for all staff"),
        required=False,
        help_text=_(
            "Staff without an authenticator app or passkey are sent to set one up "
            "before they can use Rekryt."
        ),
    )
