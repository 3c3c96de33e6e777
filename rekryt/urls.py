from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("rekryt.accounts.urls")),
    path("", include("rekryt.ops.urls")),
    # Public: the career site and the application form.
    path("", include("rekryt.jobs.urls")),
    path("", include("rekryt.applications.apply_urls")),
    path("", include("rekryt.screening.candidate_urls")),
    path("", include("rekryt.interviews.candidate_urls")),
    path("", include("rekryt.offers.candidate_urls")),
    path("portal/", include("rekryt.portal.urls")),
    path("", include("rekryt.privacy.urls")),
    path("", include("rekryt.surveys.urls")),
    # Staff.
    path("staff/", include("rekryt.promises.urls")),
    path("staff/", include("rekryt.jobs.staff_urls")),
    path("staff/", include("rekryt.applications.urls")),
    path("staff/", include("rekryt.screening.urls")),
    path("staff/", include("rekryt.interviews.urls")),
    path("staff/", include("rekryt.offers.urls")),
    path("staff/", include("rekryt.conversations.urls")),
    path("staff/", include("rekryt.candidates.urls")),
    path("staff/", include("rekryt.messaging.urls")),
    path("staff/settings/", include("rekryt.accounts.settings_urls")),
    path("staff/settings/", include("rekryt.applications.settings_urls")),
    path("staff/audit/", include("rekryt.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
