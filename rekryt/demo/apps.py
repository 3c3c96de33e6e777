from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "rekryt.demo"
    label = "demo"
