from django.urls import path

from rekryt.accounts import settings_views as views

urlpatterns = [
    path("", views.settings_home, name="settings_home"),
    path("organisation/", views.settings_organisation, name="settings_organisation"),
]
