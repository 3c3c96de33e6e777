from allauth.account import views as allauth_views
from django.urls import include, path

from rekryt.accounts import password_reset, staff_views, views

urlpatterns = [
    path("brand.css", views.brand_css, name="brand_css"),
    path("logo", views.organisation_logo, name="organisation_logo"),
    # Staff log in through allauth; `login` and `logout` are the names the
    # rest of Rekryt uses (LOGIN_URL, templates, tests).
    path("staff/login/", allauth_views.login, name="login"),
    path("staff/logout/", allauth_views.logout, name="logout"),
    path("staff/invitation/<str:token>/", staff_views.accept_invite, name="accept_invite"),
    # Email addresses are managed by admins (single sign-on matches on them).
    path("staff/account/email/", staff_views.not_found, name="account_email"),
    # Single sign-on identities are linked by matching the verified email at
    # login, never by hand (rekryt.accounts.adapter).
    path("staff/account/3rdparty/", staff_views.not_found, name="socialaccount_connections"),
    # Before allauth's own: the look-up and the email happen in the worker.
    path(
        "staff/account/password/reset/",
        password_reset.password_reset,
        name="account_reset_password",
    ),
    path("staff/account/", include("allauth.urls")),
    # The Django admin has no login of its own: it goes through the staff
    # login, with its two-factor step.
    path("admin/login/", staff_views.admin_login, name="admin_login_redirect"),
]
