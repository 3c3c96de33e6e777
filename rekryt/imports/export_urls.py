from django.urls import path

from rekryt.imports import export_views

urlpatterns = [
    path("", export_views.index, name="export_index"),
    path("candidates.csv", export_views.candidates_csv, name="export_candidates"),
    path("candidates.json", export_views.candidates_json, name="export_candidates_json"),
    path("jobs.json", export_views.jobs_json, name="export_jobs"),
]
