from django.urls import path

from rekryt.jobs import career, reuse_views
from rekryt.jobs import staff_views as views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("jobs/new/", views.job_create, name="job_create"),
    path("jobs/<int:pk>/edit/", views.job_edit, name="job_edit"),
    path("jobs/<int:pk>/duplicate/", reuse_views.job_duplicate, name="job_duplicate"),
    path("jobs/<int:pk>/save-template/", reuse_views.job_save_template, name="job_save_template"),
    path("jobs/templates/", reuse_views.job_templates, name="job_templates"),
    path(
        "jobs/templates/<int:pk>/delete/",
        reuse_views.job_template_delete,
        name="job_template_delete",
    ),
    path("jobs/<int:pk>/preview/", career.job_preview, name="job_preview"),
    path("jobs/<int:pk>/publish/", views.job_publish, name="job_publish"),
    path("jobs/<int:pk>/close/", views.job_close, name="job_close"),
    path("jobs/<int:pk>/stages/", views.job_stages, name="job_stages"),
    path(
        "jobs/<int:pk>/stages/<int:stage_pk>/rename/",
        views.job_stage_rename,
        name="job_stage_rename",
    ),
    path("jobs/<int:pk>/stages/<int:stage_pk>/move/", views.job_stage_move, name="job_stage_move"),
    path(
        "jobs/<int:pk>/stages/<int:stage_pk>/delete/",
        views.job_stage_delete,
        name="job_stage_delete",
    ),
    # The default pipeline lives with the other settings pages.
    path("settings/stages/", views.stage_templates, name="stage_templates"),
    path(
        "settings/stages/<int:pk>/rename/",
        views.stage_template_rename,
        name="stage_template_rename",
    ),
    path("settings/stages/<int:pk>/move/", views.stage_template_move, name="stage_template_move"),
    path(
        "settings/stages/<int:pk>/delete/",
        views.stage_template_delete,
        name="stage_template_delete",
    ),
]
