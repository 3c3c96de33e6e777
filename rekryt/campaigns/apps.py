from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "rekryt.campaigns"
    label = "campaigns"

    def ready(self) -> None:
        from rekryt.campaigns import platsbanken, visits
        from rekryt.jobs import extensions

        extensions.on_page_view(visits.count_page_view)
        extensions.on_job_closed(platsbanken.withdraw_when_closed)
