"""Staff URLs for the no-silence promise (mounted under /staff/)."""

from django.urls import path

from rekryt.promises import views

urlpatterns = [
    path("waiting/", views.waiting_list, name="waiting"),
    path("waiting/figures/", views.waiting_figures, name="waiting_figures"),
]
