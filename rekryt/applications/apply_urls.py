"""Public routes of the application form (no account needed)."""

from django.urls import path

from rekryt.applications import apply, future_contact

urlpatterns = [
    path("jobs/<slug:slug>/apply/", apply.apply, name="apply"),
    path("jobs/<slug:slug>/applied/<str:token>/", apply.applied, name="applied"),
    path("future-roles/<str:token>/", future_contact.future_contact, name="future_contact"),
]
