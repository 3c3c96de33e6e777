from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "rekryt.applications"
    label = "applications"

    def ready(self) -> None:
        from rekryt.applications.automations import still_in_stage
        from rekryt.applications.rejections import DECISION_KINDS, still_decided
        from rekryt.applications.timeline import on_message_status
        from rekryt.messaging.hooks import check_before_sending, on_status_change
        from rekryt.messaging.models import TemplateKind

        on_status_change(on_message_status)
        # A delayed email is re-checked just before it goes out.
        check_before_sending(list(TemplateKind.values), still_in_stage)
        check_before_sending([str(kind) for kind in DECISION_KINDS], still_decided)
