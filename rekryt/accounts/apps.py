from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rekryt.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from rekryt.accounts.middleware import start_staff_session

        user_logged_in.connect(start_staff_session, dispatch_uid="rekryt.accounts.session")
