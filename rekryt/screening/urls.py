"""Staff URLs for screening (mounted under /staff/)."""

from django.urls import path

from rekryt.screening import bank_views, blind_views, views

urlpatterns = [
    path("screening/questions/", bank_views.question_bank, name="question_bank"),
    path("screening/questions/new/", bank_views.question_new, name="question_new"),
    path("screening/questions/<int:pk>/", bank_views.question_edit, name="question_edit"),
    path("jobs/<int:pk>/screening/", views.job_screening, name="job_screening"),
    path(
        "jobs/<int:pk>/screening/<int:jq_pk>/",
        views.job_question_edit,
        name="job_question_edit",
    ),
    path(
        "jobs/<int:pk>/screening/<int:jq_pk>/move/",
        views.job_question_move,
        name="job_question_move",
    ),
    path(
        "jobs/<int:pk>/screening/<int:jq_pk>/remove/",
        views.job_question_remove,
        name="job_question_remove",
    ),
    path("jobs/<int:pk>/screening/blind/", blind_views.job_blind, name="job_blind"),
    path("jobs/<int:pk>/screening/tests/", views.job_test_add, name="job_test_add"),
    path(
        "jobs/<int:pk>/screening/tests/<int:test_pk>/remove/",
        views.job_test_remove,
        name="job_test_remove",
    ),
    path("applications/<int:pk>/reveal/", blind_views.blind_reveal, name="blind_reveal"),
    path("documents/<int:pk>/masked/", blind_views.blind_document, name="blind_document"),
    path(
        "jobs/<int:pk>/screening/applications/",
        views.screening_applications,
        name="screening_applications",
    ),
]
