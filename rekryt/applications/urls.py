"""Staff URLs for applications (mounted under /staff/)."""

from django.urls import path

from rekryt.applications import views

urlpatterns = [
    path("jobs/<int:pk>/board/", views.board, name="board"),
    path(
        "jobs/<int:pk>/board/stages/<int:stage_pk>/",
        views.board_column,
        name="board_column",
    ),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/move/", views.application_move, name="application_move"),
    path("applications/<int:pk>/outcome/", views.application_outcome, name="application_outcome"),
    path("applications/<int:pk>/reopen/", views.application_reopen, name="application_reopen"),
    path("applications/<int:pk>/notes/", views.application_note, name="application_note"),
]
