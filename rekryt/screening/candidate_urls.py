"""Candidate URLs for the tests: the emailed link and the portal's test pages."""

from django.urls import path

from rekryt.screening import sitting_views

urlpatterns = [
    path("tests/t/<str:token>/", sitting_views.test_link, name="test_link"),
    path("portal/tests/", sitting_views.portal_tests, name="portal_tests"),
    path("portal/tests/<int:pk>/", sitting_views.portal_test, name="portal_test"),
]
