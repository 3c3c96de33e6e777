from django.urls import path

from rekryt.ops import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
