"""Staff routes of analytics (under /staff/)."""

from django.urls import path

from rekryt.analytics import views

urlpatterns = [
    path("analytics/", views.funnel_page, name="analytics_funnel"),
    path("analytics/sources/", views.sources_page, name="analytics_sources"),
    path("analytics/experience/", views.experience_page, name="analytics_experience"),
    path("analytics/report/", views.weekly_report, name="analytics_report"),
    path("analytics/report/monthly/", views.monthly_report, name="analytics_monthly"),
]
for _page in ("funnel", "sources", "experience"):
    for _fmt in ("csv", "xlsx"):
        urlpatterns.append(
            path(
                f"analytics/{_page}.{_fmt}",
                views.page_export,
                {"page": _page, "fmt": _fmt},
                name=f"analytics_{_page}_{_fmt}",
            )
        )
