"""Privacy URLs. Public pages sit at the site root (/privacy/...), portal
pages under /portal/, staff pages under /staff/privacy/."""

from django.urls import include, path

urlpatterns = [
    # Notices, consent, legal holds, retention settings and preview.
    path("", include("rekryt.privacy.policy_urls")),
    # Data-subject rights: access requests, export, erasure.
    path("", include("rekryt.privacy.rights_urls")),
]
