from django.apps import AppConfig


class TalentpoolConfig(AppConfig):
    name = "rekryt.talentpool"
    label = "talentpool"

    def ready(self) -> None:
        from rekryt.candidates.search import add_source
        from rekryt.talentpool.index import candidate_source

        add_source(candidate_source)

        from rekryt.messaging.hooks import check_before_sending
        from rekryt.talentpool import nurture

        check_before_sending([nurture.KIND, nurture.INVITATION], nurture.still_wanted)

        from rekryt.talentpool import matching

        check_before_sending([matching.KIND], matching.still_wanted)

        from rekryt.applications.hooks import on_outcome_changed
        from rekryt.talentpool import silver

        on_outcome_changed(silver.on_outcome_changed)
        check_before_sending([silver.ASK], silver.still_wanted)

        from rekryt.jobs.extensions import on_job_closed
        from rekryt.talentpool.actions import on_joined

        on_job_closed(silver.on_job_closed)
        on_joined(silver.on_joined)

        from rekryt.applications.extensions import add_detail_panel
        from rekryt.talentpool import former, former_views

        check_before_sending([former.ASK], former.still_wanted)
        on_joined(former.on_joined)
        add_detail_panel(former_views.application_panel)
