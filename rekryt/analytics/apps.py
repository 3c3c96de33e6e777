from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "rekryt.analytics"
    label = "analytics"
