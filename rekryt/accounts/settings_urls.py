from django.urls import path

from rekryt.accounts import settings_views as views
from rekryt.accounts import staff_views

urlpatterns = [
    path("", views.settings_home, name="settings_home"),
    path("organisation/", views.settings_organisation, name="settings_organisation"),
    path("security/", staff_views.settings_security, name="settings_security"),
    path("people/", staff_views.people, name="staff_people"),
    path("people/invite/", staff_views.invite, name="staff_invite"),
    path("people/invitations/<int:pk>/revoke/", staff_views.revoke, name="staff_invite_revoke"),
    path("people/<int:pk>/", staff_views.person, name="staff_person"),
]
