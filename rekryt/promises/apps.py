from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "rekryt.promises"
    label = "promises"
