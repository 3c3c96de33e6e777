"""The new hire's preboarding pages, inside the candidate portal."""

from django.urls import path

from rekryt.onboarding import portal_views as v

urlpatterns = [
    path("portal/onboarding/<int:pk>/", v.page, name="portal_onboarding"),
    path(
        "portal/onboarding/<int:pk>/confirm/<int:material>/",
        v.confirm,
        name="portal_onboarding_confirm",
    ),
    path("portal/onboarding/<int:pk>/about-you/", v.details, name="portal_onboarding_details"),
    path("portal/onboarding/<int:pk>/files/", v.upload, name="portal_onboarding_upload"),
    path("portal/onboarding/<int:pk>/pay/", v.pay, name="portal_onboarding_pay"),
]
