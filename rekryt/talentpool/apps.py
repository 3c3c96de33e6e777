from django.apps import AppConfig


class TalentpoolConfig(AppConfig):
    name = "rekryt.talentpool"
    label = "talentpool"
