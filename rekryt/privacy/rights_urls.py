"""Data-subject rights (mounted at the site root): portal "Your data" pages,
one-time download links, staff access requests and candidate privacy pages."""

from django.urls import URLPattern, URLResolver, path

from rekryt.privacy import rights_views as views
from rekryt.privacy.models import RequestStatus

urlpatterns: list[URLPattern | URLResolver] = [
    path("portal/data/", views.portal_data, name="rights_portal_data"),
    path("portal/data/link/", views.portal_data_link, name="rights_portal_link"),
    path("portal/data/link/sent/", views.portal_link_sent, name="rights_portal_link_sent"),
    path("portal/data/erase/", views.portal_erase, name="rights_portal_erase"),
    path("portal/data/erase/sent/", views.portal_erase_sent, name="rights_portal_erase_sent"),
    path("portal/data/<str:token>/", views.portal_download, name="rights_portal_download"),
    path("staff/privacy/requests/", views.request_list, name="rights_request_list"),
    path("staff/privacy/requests/new/", views.request_new, name="rights_request_new"),
    path("staff/privacy/requests/<int:pk>/", views.request_detail, name="rights_request_detail"),
    path(
        "staff/privacy/requests/<int:pk>/export/",
        views.request_export,
        name="rights_request_export",
    ),
    path(
        "staff/privacy/requests/<int:pk>/extend/",
        views.request_extend,
        name="rights_request_extend",
    ),
    path(
        "staff/privacy/requests/<int:pk>/answered/",
        views.request_close,
        {"outcome": RequestStatus.ANSWERED},
        name="rights_request_answered",
    ),
    path(
        "staff/privacy/requests/<int:pk>/refuse/",
        views.request_close,
        {"outcome": RequestStatus.REFUSED},
        name="rights_request_refuse",
    ),
    path(
        "staff/privacy/requests/<int:pk>/erase/", views.request_erase, name="rights_request_erase"
    ),
    path("staff/privacy/candidates/<int:pk>/", views.candidate_privacy, name="rights_candidate"),
    path(
        "staff/privacy/candidates/<int:pk>/export/",
        views.candidate_export,
        name="rights_candidate_export",
    ),
    path(
        "staff/privacy/candidates/<int:pk>/erase/",
        views.candidate_erase,
        name="rights_candidate_erase",
    ),
]
