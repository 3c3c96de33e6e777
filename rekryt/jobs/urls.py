"""Public routes of the career site."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from rekryt.jobs import career
from rekryt.jobs.sitemaps import SITEMAPS

urlpatterns = [
    path("", career.career_list, name="career_list"),
    path("jobs/<slug:slug>/", career.career_job, name="career_job"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
