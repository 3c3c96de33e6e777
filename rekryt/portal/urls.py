"""The candidate portal (mounted under /portal/). No accounts: links by email."""

from django.urls import path

from rekryt.portal import action_views, views

urlpatterns = [
    path("", views.home, name="portal_home"),
    path("t/<str:token>/", views.token, name="portal_token"),
    path("new-link/", views.new_link, name="portal_new_link"),
    path("new-link/sent/", views.new_link_sent, name="portal_new_link_sent"),
    path("sign-out/", views.sign_out_view, name="portal_sign_out"),
    path("signed-out/", views.signed_out, name="portal_signed_out"),
    path("details/", action_views.details, name="portal_details"),
    path("applications/<int:pk>/write/", action_views.write, name="portal_write"),
    path("applications/<int:pk>/withdraw/", action_views.withdraw_view, name="portal_withdraw"),
    path("applications/<int:pk>/cv/", action_views.cv, name="portal_cv"),
    path("applications/<int:pk>/use-details/", action_views.use_details, name="portal_use_details"),
    path("sent-again/<int:pk>/add/", action_views.add_sent_again, name="portal_add_sent_again"),
    path(
        "sent-again/<int:pk>/discard/",
        action_views.discard_sent_again,
        name="portal_discard_sent_again",
    ),
]
