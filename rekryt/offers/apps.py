from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "rekryt.offers"
    label = "offers"

    def ready(self) -> None:
        from rekryt.applications import extensions
        from rekryt.messaging.hooks import check_before_sending
        from rekryt.offers import emails, panels
        from rekryt.portal.extensions import add_home_panel

        extensions.add_detail_panel(panels.application_panel)
        check_before_sending(emails.KINDS, emails.still_wanted)
        add_home_panel(panels.portal_panel)
