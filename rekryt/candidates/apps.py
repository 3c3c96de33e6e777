from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "rekryt.candidates"
    label = "candidates"

    def ready(self) -> None:
        from django.core.checks import register

        from rekryt.candidates.checks import check_semantic_packages

        register(check_semantic_packages)
