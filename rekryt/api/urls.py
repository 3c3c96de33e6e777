"""Webhook settings and personal API tokens, mounted under /staff/settings/."""

from django.urls import path

from rekryt.api import token_views, views

urlpatterns = [
    path("api-tokens/", token_views.tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", token_views.revoke, name="api_token_revoke"),
    path("webhooks/", views.endpoints, name="webhook_endpoints"),
    path("webhooks/<int:pk>/", views.endpoint, name="webhook_endpoint"),
    path("webhooks/<int:pk>/secret/", views.rotate_secret, name="webhook_rotate_secret"),
    path("webhooks/<int:pk>/delete/", views.delete_endpoint, name="webhook_delete"),
    path(
        "webhooks/<int:pk>/deliveries/<int:delivery_pk>/resend/",
        views.resend,
        name="webhook_resend",
    ),
]
