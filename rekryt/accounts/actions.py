"""Staff management: invitations, roles, deactivation, the two-factor rule.

Every change here is written to the audit log. The audit log's writer
(rekryt.audit.log) depends on nothing but lib, so every app may use it,
accounts included; only the audit pages build on accounts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.sessions.models import Session
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rekryt.accounts.models import Organisation, Role, StaffInvite, User
from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.lib.tokens import hash_token, new_token


class LastAdmin(Exception):
    """The change would leave the organisation without an active admin."""


def _record(
    action: str,
    *,
    request: HttpRequest | None,
    actor: Any,
    target: Any,
    detail: str,
    **params: Any,
) -> None:
    # Detail codes are described in rekryt.accounts.audit_labels.
    record(action, request=request, actor=actor, target=target, detail=detail, params=params)


def _site_url() -> str:
    from django.conf import settings

    return str(settings.SITE_URL)


def invite_staff(
    *,
    actor: User,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    request: HttpRequest | None = None,
) -> StaffInvite:
    """Create an invitation and email its link. A pending invitation to the
    same address is replaced, so the newest link is the only one that works."""
    from django.urls import reverse

    email = email.strip()
    raw, digest = new_token()
    now = timezone.now()
    with transaction.atomic():
        StaffInvite.objects.pending().filter(email__iexact=email).update(revoked_at=now)
        invite = StaffInvite.objects.create(
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            role=role,
            token_hash=digest,
            invited_by=actor,
            expires_at=now + timedelta(days=StaffInvite.VALID_DAYS),
        )
        organisation = Organisation.get()
        context = {
            "invite": invite,
            "organisation": organisation,
            "inviter": actor.display_name,
            "role": Role(role).label,
            "url": _site_url() + reverse("accept_invite", args=[raw]),
            "days": StaffInvite.VALID_DAYS,
        }
        with translation.override(organisation.default_language):
            subject = render_to_string("accounts/email/invite_subject.txt", context).strip()
            body = render_to_string("accounts/email/invite_message.txt", context)
            message = EmailMultiAlternatives(
                subject=" ".join(subject.splitlines()),
                body=body,
                to=[email],
                headers={"X-Rekryt-Kind": "staff_invite"},
            )
            message.send()  # the outbox records the language in effect
        _record(
            Action.SECURITY,
            request=request,
            actor=actor,
            target=invite,
            detail="invited",
            role=role,
        )
    return invite


def find_invite(raw: str) -> StaffInvite | None:
    """The pending invitation a raw token belongs to, or None."""
    return StaffInvite.objects.pending().filter(token_hash=hash_token(raw)).first()


def _unique_username(email: str) -> str:
    base = "".join(c for c in email.partition("@")[0].lower() if c.isalnum() or c in "._-")
    base = (base or "staff")[:140]
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def accept_invite(
    invite: StaffInvite, *, password: str | None, request: HttpRequest | None = None
) -> User:
    """Create the account an invitation promised (once). With no password
    (single sign-on) the account gets an unusable one."""

    with transaction.atomic():
        locked = StaffInvite.objects.select_for_update().get(pk=invite.pk)
        if not locked.is_pending:
            raise ValueError("invitation is no longer pending")
        user = User(
            username=_unique_username(locked.email),
            email=locked.email,
            first_name=locked.first_name,
            last_name=locked.last_name,
            role=locked.role,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        locked.accepted_at = timezone.now()
        locked.user = user
        locked.save(update_fields=["accepted_at", "user"])
        _record(
            Action.SECURITY,
            request=request,
            actor=user,
            target=locked,
            detail="invitation_accepted",
            role=locked.role,
        )
    return user


def accept_invite_by_sso(request: HttpRequest, email: str) -> User | None:
    """Single sign-on for someone invited but not yet registered."""
    invite = StaffInvite.objects.pending().filter(email__iexact=email).order_by("-pk").first()
    if invite is None:
        return None
    return accept_invite(invite, password=None, request=request)


def revoke_invite(invite: StaffInvite, *, actor: User, request: HttpRequest | None = None) -> None:

    with transaction.atomic():
        if StaffInvite.objects.pending().filter(pk=invite.pk).update(revoked_at=timezone.now()):
            _record(
                Action.SECURITY,
                request=request,
                actor=actor,
                target=invite,
                detail="invitation_revoked",
            )


def _other_active_admins(user: User) -> bool:
    return User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=user.pk).exists()


def change_role(user: User, role: str, *, actor: User, request: HttpRequest | None = None) -> None:

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.role == role:
            return
        if user.role == Role.ADMIN and user.is_active and not _other_active_admins(user):
            raise LastAdmin
        previous = user.role
        user.role = role
        user.save(update_fields=["role"])
        _record(
            Action.ROLE_CHANGE,
            request=request,
            actor=actor,
            target=user,
            detail="role_changed",
            **{"from": previous, "to": role},
        )


def end_sessions(user: User) -> int:
    """Delete every stored session of `user`; returns how many."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


def set_active(
    user: User, active: bool, *, actor: User, request: HttpRequest | None = None
) -> None:
    """Deactivate (ending every session) or reactivate a staff member."""

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_active == active:
            return
        if not active and user.role == Role.ADMIN and not _other_active_admins(user):
            raise LastAdmin
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            end_sessions(user)
        _record(
            Action.SECURITY,
            request=request,
            actor=actor,
            target=user,
            detail="account_reactivated" if active else "account_deactivated",
        )


def reset_two_factor(user: User, *, actor: User, request: HttpRequest | None = None) -> int:
    """Remove someone's authenticators (a lost phone with no recovery codes
    left) and end their sessions; they set up a new one at next login."""
    from allauth.mfa.models import Authenticator

    if user.pk == actor.pk:
        raise ValueError("staff reset their own authenticators on the Security page")
    with transaction.atomic():
        removed, _by_type = Authenticator.objects.filter(user_id=user.pk).delete()
        end_sessions(user)
        _record(
            Action.SECURITY,
            request=request,
            actor=actor,
            target=user,
            detail="two_factor_removed",
        )
    return removed


def set_two_factor_required(
    required: bool, *, actor: User, request: HttpRequest | None = None
) -> None:

    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get_or_create(pk=1)[0]
        if organisation.require_two_factor == required:
            return
        organisation.require_two_factor = required
        organisation.save()
        _record(
            Action.SECURITY,
            request=request,
            actor=actor,
            target=organisation,
            detail="two_factor_required" if required else "two_factor_not_required",
        )
