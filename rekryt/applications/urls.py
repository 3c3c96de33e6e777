"""Staff URLs for applications (mounted under /staff/)."""

from django.urls import path

from rekryt.applications import board_views, cv_views, reject_views, tag_views, views

urlpatterns = [
    path("jobs/<int:pk>/board/", board_views.board, name="board"),
    path(
        "jobs/<int:pk>/board/stages/<int:stage_pk>/",
        board_views.board_column,
        name="board_column",
    ),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path(
        "documents/<int:pk>/pages/<int:page>.png",
        cv_views.document_page,
        name="document_page",
    ),
    path("applications/<int:pk>/move/", board_views.application_move, name="application_move"),
    path(
        "applications/<int:pk>/undo-move/",
        board_views.application_undo_move,
        name="application_undo_move",
    ),
    path("applications/<int:pk>/outcome/", views.application_outcome, name="application_outcome"),
    path("applications/<int:pk>/reopen/", views.application_reopen, name="application_reopen"),
    path("applications/<int:pk>/notes/", views.application_note, name="application_note"),
    path(
        "applications/<int:pk>/notes/<int:note_pk>/mentions/cancel/",
        views.application_mentions_cancel,
        name="application_mentions_cancel",
    ),
    path("applications/<int:pk>/tags/", tag_views.tag_add, name="application_tag_add"),
    path(
        "applications/<int:pk>/tags/<int:tag_pk>/remove/",
        tag_views.tag_remove,
        name="application_tag_remove",
    ),
    path(
        "applications/<int:pk>/reject/",
        reject_views.application_reject,
        name="application_reject",
    ),
    path("jobs/<int:pk>/board/reject/", reject_views.bulk_reject, name="bulk_reject"),
    path("jobs/<int:pk>/close/confirm/", reject_views.job_close_confirm, name="job_close_confirm"),
    path("bulk-rejections/<int:pk>/", reject_views.bulk_rejection, name="bulk_rejection"),
]
