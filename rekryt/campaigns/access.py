"""Scoped getters: outsiders get 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from rekryt.accounts.models import User
from rekryt.campaigns.models import Campaign, Channel


def campaign_for_user(user: User, pk: int) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(user), pk=pk)


def channel_for_manager(user: User, pk: int) -> Channel:
    if not user.can_manage_jobs:
        raise Http404
    return get_object_or_404(Channel.objects.select_related("campaign"), pk=pk)
