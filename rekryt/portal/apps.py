from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "rekryt.portal"
    label = "portal"

    def ready(self) -> None:
        from rekryt.messaging.hooks import provide_values
        from rekryt.portal.tokens import portal_values

        provide_values(portal_values)
