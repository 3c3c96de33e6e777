from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "rekryt.imports"
    label = "imports"

    def ready(self) -> None:
        from rekryt.candidates.search import add_source
        from rekryt.imports.index import candidate_source

        # Imported people without an application are found by their profile.
        add_source(candidate_source)
