from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "rekryt.audit"
    label = "audit"

    def ready(self) -> None:
        from rekryt.audit import signals

        signals.connect()
