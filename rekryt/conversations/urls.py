"""Staff URLs for conversations (mounted under /staff/)."""

from django.urls import path

from rekryt.conversations import bulk_views, settings_views, views

urlpatterns = [
    path("replies/", views.unread_replies, name="unread_replies"),
    path("applications/<int:pk>/write/", views.write, name="conversation_write"),
    path("applications/<int:pk>/replies/read/", views.mark_read, name="conversation_mark_read"),
    path("conversation-emails/<int:pk>/undo/", views.undo, name="conversation_undo"),
    path("jobs/<int:pk>/board/write/", bulk_views.bulk_write, name="conversation_bulk_write"),
    path("settings/writing-templates/", settings_views.templates, name="writing_templates"),
    path(
        "settings/writing-templates/new/",
        settings_views.edit_template,
        name="writing_template_new",
    ),
    path(
        "settings/writing-templates/<int:pk>/",
        settings_views.edit_template,
        name="writing_template_edit",
    ),
]
