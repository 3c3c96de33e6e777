"""Public routes of the application form (no account needed)."""

from django.urls import path

from rekryt.applications import apply

urlpatterns = [
    path("jobs/<slug:slug>/apply/", apply.apply, name="apply"),
    path("jobs/<slug:slug>/applied/<str:token>/", apply.applied, name="applied"),
]
