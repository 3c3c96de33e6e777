from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "rekryt.imports"
    label = "imports"
