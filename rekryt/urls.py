from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("rekryt.accounts.urls")),
    path("", include("rekryt.ops.urls")),
    path("", include("rekryt.jobs.urls")),
    path("", include("rekryt.applications.urls")),
    path("", include("rekryt.candidates.urls")),
    path("", include("rekryt.messaging.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
