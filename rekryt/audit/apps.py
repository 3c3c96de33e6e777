from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "rekryt.audit"
    label = "audit"
