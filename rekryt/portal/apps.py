from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "rekryt.portal"
    label = "portal"
