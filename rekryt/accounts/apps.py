from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rekryt.accounts"
    label = "accounts"
