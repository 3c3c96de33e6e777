"""Candidate URLs for interviews: the portal's pages, the device check, and
the interviewers' calendar feeds (a secret address, no session)."""

from django.urls import path

from rekryt.interviews import feed_views, portal_views

urlpatterns = [
    path("portal/interviews/<int:pk>/", portal_views.interview_page, name="portal_interview"),
    path(
        "portal/interviews/<int:pk>/other-times/",
        portal_views.other_times,
        name="portal_interview_other_times",
    ),
    path("portal/interviews/<int:pk>/cancel/", portal_views.cancel, name="portal_interview_cancel"),
    path("portal/interviews/<int:pk>/interview.ics", portal_views.ics, name="portal_interview_ics"),
    path("interview/device-check/", portal_views.device_check, name="interview_device_check"),
    path("interview/device-check/ping", portal_views.ping, name="interview_ping"),
    path("calendar/<str:token>.ics", feed_views.feed, name="interview_feed"),
]
