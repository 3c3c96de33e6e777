from django.apps import AppConfig


class ReferencesConfig(AppConfig):
    name = "rekryt.references"
    label = "references"

    def ready(self) -> None:
        from rekryt.applications import extensions
        from rekryt.messaging.hooks import check_before_sending
        from rekryt.portal.extensions import add_home_panel
        from rekryt.references import emails, panels

        extensions.add_detail_panel(panels.application_panel)
        check_before_sending(emails.KINDS, emails.still_wanted)
        add_home_panel(panels.portal_panel)
