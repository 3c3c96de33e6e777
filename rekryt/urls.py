from django.contrib import admin
from django.urls import include, path, re_path

from rekryt.api.v1.api import unknown as api_v1_unknown
from rekryt.api.v1.api import urls as api_v1_urls

urlpatterns = [
    path("", include("rekryt.accounts.urls")),
    path("", include("rekryt.ops.urls")),
    # Public: the career site and the application form.
    path("", include("rekryt.jobs.urls")),
    path("", include("rekryt.applications.apply_urls")),
    path("", include("rekryt.screening.candidate_urls")),
    path("", include("rekryt.interviews.candidate_urls")),
    path("", include("rekryt.references.public_urls")),
    path("", include("rekryt.onboarding.candidate_urls")),
    path("", include("rekryt.campaigns.public_urls")),
    path("", include("rekryt.offers.candidate_urls")),
    path("portal/", include("rekryt.portal.urls")),
    path("", include("rekryt.privacy.urls")),
    path("", include("rekryt.surveys.urls")),
    path("", include("rekryt.talentpool.urls")),
    # Staff.
    path("staff/", include("rekryt.promises.urls")),
    path("staff/", include("rekryt.jobs.staff_urls")),
    path("staff/", include("rekryt.applications.urls")),
    path("staff/", include("rekryt.screening.urls")),
    path("staff/", include("rekryt.interviews.urls")),
    path("staff/", include("rekryt.references.urls")),
    path("staff/", include("rekryt.onboarding.urls")),
    path("staff/", include("rekryt.campaigns.urls")),
    path("staff/", include("rekryt.analytics.urls")),
    path("staff/", include("rekryt.talentpool.staff_urls")),
    path("staff/", include("rekryt.offers.urls")),
    path("staff/", include("rekryt.conversations.urls")),
    path("staff/", include("rekryt.candidates.urls")),
    path("staff/", include("rekryt.messaging.urls")),
    path("staff/settings/", include("rekryt.accounts.settings_urls")),
    path("staff/settings/", include("rekryt.applications.settings_urls")),
    path("staff/settings/", include("rekryt.api.urls")),
    path("staff/import/", include("rekryt.imports.urls")),
    path("staff/export/", include("rekryt.imports.export_urls")),
    path("staff/audit/", include("rekryt.audit.urls")),
    # The REST API (rekryt.api.v1); any other path under it answers 404 as a problem.
    path("api/v1/", api_v1_urls()),
    re_path(r"^api/v1/(?P<rest>.*)$", api_v1_unknown),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
