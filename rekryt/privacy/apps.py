from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "rekryt.privacy"
    label = "privacy"
