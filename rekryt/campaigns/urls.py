"""Staff routes of campaigns (under /staff/)."""

from django.urls import path

from rekryt.campaigns import listing_views, views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/new/", views.campaign_new, name="campaign_new"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/delete/", views.campaign_delete, name="campaign_delete"),
    path("campaigns/<int:pk>/channels/", views.channel_add, name="channel_add"),
    path("campaigns/channels/<int:pk>/", views.channel_edit, name="channel_edit"),
    path("campaigns/channels/<int:pk>/delete/", views.channel_delete, name="channel_delete"),
    path("jobs/<int:pk>/platsbanken/", listing_views.job_platsbanken, name="job_platsbanken"),
    path(
        "jobs/<int:pk>/platsbanken.json",
        listing_views.job_platsbanken_json,
        name="job_platsbanken_json",
    ),
    path(
        "jobs/<int:pk>/platsbanken/send/",
        listing_views.job_platsbanken_send,
        name="job_platsbanken_send",
    ),
    path(
        "jobs/<int:pk>/platsbanken/withdraw/",
        listing_views.job_platsbanken_withdraw,
        name="job_platsbanken_withdraw",
    ),
]
