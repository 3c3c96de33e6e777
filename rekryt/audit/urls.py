"""The audit log for admins (mounted under /staff/audit/)."""

from django.urls import URLPattern, URLResolver, path

from rekryt.audit import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.audit_log, name="audit_log"),
    path("export.csv", views.audit_export, name="audit_export"),
]
