from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "rekryt.surveys"
    label = "surveys"
