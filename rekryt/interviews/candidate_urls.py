"""Candidate URLs for interviews: the portal's pages, the device check, and
the interviewers' calendar feeds (a secret address, no session)."""

from django.urls import path

from rekryt.interviews import feed_views, portal_views, video_views

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
    path("portal/video/<int:pk>/", video_views.questions, name="portal_video"),
    path(
        "portal/video/<int:pk>/<int:question>/start/",
        video_views.start,
        name="portal_video_start",
    ),
    path(
        "portal/video/<int:pk>/<int:question>/chunk/",
        video_views.chunk,
        name="portal_video_chunk",
    ),
    path(
        "portal/video/<int:pk>/<int:question>/finish/",
        video_views.finish,
        name="portal_video_finish",
    ),
    path(
        "portal/video/<int:pk>/<int:question>/written/",
        video_views.written,
        name="portal_video_written",
    ),
]
