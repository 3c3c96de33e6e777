from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "rekryt.candidates"
    label = "candidates"
