"""Settings pages for applications, mounted under /staff/settings/."""

from django.urls import path

from rekryt.applications import settings_views as views

urlpatterns = [
    path("reasons/", views.settings_reasons, name="settings_reasons"),
    path("reasons/<int:pk>/edit/", views.settings_reason_edit, name="settings_reason_edit"),
    path("reasons/<int:pk>/move/", views.settings_reason_move, name="settings_reason_move"),
    path("reasons/<int:pk>/active/", views.settings_reason_active, name="settings_reason_active"),
    path("reasons/<int:pk>/delete/", views.settings_reason_delete, name="settings_reason_delete"),
]
