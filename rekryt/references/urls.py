"""Staff URLs for references (mounted under /staff/)."""

from django.urls import path

from rekryt.references import views

urlpatterns = [
    path("applications/<int:pk>/referees/", views.referee_add, name="referee_add"),
    path(
        "applications/<int:pk>/referees/<int:referee_pk>/erase/",
        views.referee_erase,
        name="referee_erase",
    ),
    path(
        "applications/<int:pk>/references/send/",
        views.send_requests,
        name="references_send",
    ),
    path(
        "applications/<int:pk>/references/undo/",
        views.undo_requests,
        name="references_undo",
    ),
    path("applications/<int:pk>/references/", views.compiled, name="references_report"),
    path("jobs/<int:pk>/references/", views.job_rules, name="reference_rules"),
]
