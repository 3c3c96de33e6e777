"""Staff URLs for email (mounted under /staff/)."""

from django.urls import path

from rekryt.messaging import template_views, views

urlpatterns = [
    path("mailbox/", views.mailbox, name="mailbox"),
    path("mailbox/<int:pk>/", views.mailbox_message, name="mailbox_message"),
    path("mailbox/<int:pk>/html/", views.mailbox_message_html, name="mailbox_message_html"),
    path("outbox/", views.outbox, name="outbox"),
    path("messages/<int:pk>/cancel/", views.message_cancel, name="message_cancel"),
    path("messages/<int:pk>/preview/", views.message_preview, name="message_preview"),
    path(
        "messages/<int:pk>/preview/html/", views.message_preview_html, name="message_preview_html"
    ),
    path("templates/", template_views.template_list, name="template_list"),
    path("templates/<int:pk>/", template_views.template_edit, name="template_edit"),
    path(
        "templates/<int:pk>/preview/",
        template_views.template_preview_html,
        name="template_preview_html",
    ),
]
