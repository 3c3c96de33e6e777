from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "rekryt.messaging"
    label = "messaging"

    def ready(self) -> None:
        from django.core.checks import register

        from rekryt.messaging.checks import check_email_url

        register(check_email_url)
