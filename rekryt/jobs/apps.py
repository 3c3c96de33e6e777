from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "rekryt.jobs"
    label = "jobs"
