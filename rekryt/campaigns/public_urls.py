"""Public routes of campaigns: short links, feeds, the embeddable list."""

from django.urls import path

from rekryt.campaigns import public_views

urlpatterns = [
    path("c/<str:code>", public_views.short_link, name="campaign_short_link"),
    path("feeds/indeed.xml", public_views.indeed_feed, name="feed_indeed"),
    path("feeds/linkedin.xml", public_views.linkedin_feed, name="feed_linkedin"),
    path("embed/jobs/", public_views.embed_jobs, name="embed_jobs"),
    path("embed/jobs.json", public_views.embed_jobs_json, name="embed_jobs_json"),
]
