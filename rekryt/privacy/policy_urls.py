"""Notice, consent, legal holds and retention (mounted at the site root)."""

from django.urls import URLPattern, URLResolver, path

from rekryt.privacy import policy_views as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("privacy/", views.notice, name="privacy_notice"),
    path("privacy/v<int:version>/", views.notice, name="privacy_notice_version"),
    path("privacy/consent/<str:token>/", views.consent_renew, name="privacy_consent_renew"),
    path("portal/privacy/", views.portal_privacy, name="portal_privacy"),
    path(
        "portal/privacy/consent/<str:purpose>/", views.portal_consent, name="portal_privacy_consent"
    ),
    path("staff/privacy/holds/", views.holds, name="privacy_holds"),
    path(
        "staff/privacy/holds/candidate/<int:pk>/",
        views.hold_candidate,
        name="privacy_hold_candidate",
    ),
    path("staff/privacy/holds/job/<int:pk>/", views.hold_job, name="privacy_hold_job"),
    path("staff/privacy/holds/<int:pk>/release/", views.hold_release, name="privacy_hold_release"),
    path(
        "staff/privacy/candidates/<int:pk>/consent/",
        views.staff_consent,
        name="privacy_staff_consent",
    ),
    path("staff/privacy/retention/", views.retention, name="privacy_retention"),
]
