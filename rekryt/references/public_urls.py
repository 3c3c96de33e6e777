"""Referees' and candidates' URLs for references."""

from django.urls import path

from rekryt.references import portal_views, referee_views

urlpatterns = [
    path("reference/<str:token>/", referee_views.answer, name="reference_answer"),
    path("reference/<str:token>/decline/", referee_views.decline, name="reference_decline"),
    path("portal/references/<int:pk>/", portal_views.page, name="portal_references"),
    path(
        "portal/references/<int:pk>/<int:referee_pk>/remove/",
        portal_views.remove,
        name="portal_referee_remove",
    ),
]
