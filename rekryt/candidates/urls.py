"""Staff URLs for candidates and their documents (mounted under /staff/)."""

from django.urls import path

from rekryt.candidates import views

urlpatterns = [
    path("candidates/", views.candidate_list, name="candidate_list"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
]
