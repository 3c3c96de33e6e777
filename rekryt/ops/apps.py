from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "rekryt.ops"
    label = "ops"
