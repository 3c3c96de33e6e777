"""Staff pages of campaigns: the list, a campaign's plan and results, and
editing campaigns and channels (admins and recruiters). Hiring managers see
the campaigns of their own jobs; interviewers see none."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rekryt.accounts.models import Organisation
from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.campaigns import actions, progress
from rekryt.campaigns.access import campaign_for_user, channel_for_manager
from rekryt.campaigns.figures import campaign_report
from rekryt.campaigns.forms import CampaignForm, ChannelForm
from rekryt.campaigns.links import links_for
from rekryt.campaigns.models import Campaign
from rekryt.jobs import taxonomy
from rekryt.jobs.models import Job


def classification(job: Job) -> list[str]:
    """The labels of the job's JobTech ids, "" where none is chosen."""
    return [taxonomy.label(kind, getattr(job, f"jobtech_{kind}")) for kind in taxonomy.KINDS]


def _deciders_only(request: HttpRequest) -> None:
    if request.user.role == "interviewer":  # type: ignore[union-attr]
        raise Http404


@staff_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    _deciders_only(request)
    campaigns = Campaign.objects.visible_to(request.user).prefetch_related("jobs")  # type: ignore[arg-type]
    return render(request, "campaigns/list.html", {"campaigns": campaigns})


@staff_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_for_user(request.user, pk)  # type: ignore[arg-type]
    jobs = list(campaign.jobs.all())
    job_ids = [job.pk for job in jobs]
    channels = list(campaign.channels.all())
    org = Organisation.get()
    report = campaign_report(campaign, channels, job_ids)
    weeks = progress.weekly(campaign, job_ids)
    context = {
        "campaign": campaign,
        "jobs": jobs,
        "job_rows": [(job, classification(job)) for job in jobs],
        "report": report,
        "chart": progress.chart(campaign, weeks),
        "links": [
            (channel, links_for(channel, jobs, org))
            for channel in channels
            if not channel.is_archived
        ],
        "archived": [channel for channel in channels if channel.is_archived],
        "may_edit": request.user.can_manage_jobs,  # type: ignore[union-attr]
        "channel_form": ChannelForm(),
        "site_url": settings.SITE_URL,
    }
    return render(request, "campaigns/detail.html", context)


@recruiter_required
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        jobs = list(data.pop("jobs"))
        campaign = actions.create_campaign(request.user, jobs, **data)  # type: ignore[arg-type]
        messages.success(request, _("Campaign created. Add its channels next."))
        return redirect("campaign_detail", campaign.pk)
    return render(request, "campaigns/form.html", {"form": form})


@recruiter_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_for_user(request.user, pk)  # type: ignore[arg-type]
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        jobs = list(data.pop("jobs"))
        actions.update_campaign(campaign, request.user, jobs, **data)  # type: ignore[arg-type]
        messages.success(request, _("Campaign saved."))
        return redirect("campaign_detail", campaign.pk)
    return render(request, "campaigns/form.html", {"form": form, "campaign": campaign})


@recruiter_required
@require_POST
def campaign_delete(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_for_user(request.user, pk)  # type: ignore[arg-type]
    actions.delete_campaign(campaign, request.user)  # type: ignore[arg-type]
    messages.success(request, _("Campaign deleted. Its applications and visits are kept."))
    return redirect("campaign_list")


@recruiter_required
@require_POST
def channel_add(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_for_user(request.user, pk)  # type: ignore[arg-type]
    form = ChannelForm(request.POST)
    if form.is_valid():
        actions.add_channel(campaign, request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Channel added."))
        return redirect("campaign_detail", campaign.pk)
    context = {"form": form, "campaign": campaign}
    return render(request, "campaigns/channel_form.html", context, status=400)


@recruiter_required
@require_http_methods(["GET", "POST"])
def channel_edit(request: HttpRequest, pk: int) -> HttpResponse:
    channel = channel_for_manager(request.user, pk)  # type: ignore[arg-type]
    form = ChannelForm(request.POST or None, instance=channel)
    if request.method == "POST" and form.is_valid():
        actions.update_channel(channel, request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Channel saved."))
        return redirect("campaign_detail", channel.campaign_id)
    context = {"form": form, "campaign": channel.campaign, "channel": channel}
    return render(request, "campaigns/channel_form.html", context)


@recruiter_required
@require_POST
def channel_delete(request: HttpRequest, pk: int) -> HttpResponse:
    channel = channel_for_manager(request.user, pk)  # type: ignore[arg-type]
    campaign_id = channel.campaign_id
    if channel.is_archived:
        messages.info(request, _("The channel is already archived."))
    elif actions.remove_channel(channel, request.user):  # type: ignore[arg-type]
        messages.success(
            request,
            _(
                "The channel had visits, applications or costs, so it is archived: its "
                "figures stay in the campaign and its short link keeps working."
            ),
        )
    else:
        messages.success(request, _("Channel deleted."))
    return redirect("campaign_detail", campaign_id)
