from django.urls import path

from rekryt.imports import views

urlpatterns = [
    path("", views.upload, name="import_upload"),
    path("<str:token>/", views.mapping, name="import_mapping"),
    path("<str:token>/progress/", views.progress, name="import_progress"),
    path("<str:token>/cancel/", views.cancel, name="import_cancel"),
    path("<str:token>/refused.csv", views.report, name="import_report"),
]
