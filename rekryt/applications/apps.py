from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "rekryt.applications"
    label = "applications"

    def ready(self) -> None:
        from rekryt.applications.timeline import on_message_status
        from rekryt.messaging.hooks import on_status_change

        on_status_change(on_message_status)
