from django.apps import AppConfig


class TalentpoolConfig(AppConfig):
    name = "rekryt.talentpool"
    label = "talentpool"

    def ready(self) -> None:
        from rekryt.candidates.search import add_source
        from rekryt.talentpool.index import candidate_source

        add_source(candidate_source)
