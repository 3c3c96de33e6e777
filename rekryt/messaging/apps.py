from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "rekryt.messaging"
    label = "messaging"
