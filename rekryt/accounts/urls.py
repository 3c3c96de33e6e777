from django.contrib.auth import views as auth_views
from django.urls import path

from rekryt.accounts import views

urlpatterns = [
    path("brand.css", views.brand_css, name="brand_css"),
    path("logo", views.organisation_logo, name="organisation_logo"),
    path(
        "staff/login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("staff/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
