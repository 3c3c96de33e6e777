"""Staff URLs for offers (mounted under /staff/)."""

from django.urls import path

from rekryt.offers import template_views, views

urlpatterns = [
    path("applications/<int:pk>/offers/new/", views.offer_new, name="offer_new"),
    path("offers/approvals/", views.offer_approvals, name="offer_approvals"),
    path("offers/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/ask-approval/", views.offer_ask_approval, name="offer_ask_approval"),
    path("offers/<int:pk>/take-back/", views.offer_take_back, name="offer_take_back"),
    path("offers/<int:pk>/approve/", views.offer_approve, name="offer_approve"),
    path("offers/<int:pk>/send/", views.offer_send, name="offer_send"),
    path("offers/<int:pk>/undo/", views.offer_undo, name="offer_undo"),
    path("offers/<int:pk>/withdraw/", views.offer_withdraw, name="offer_withdraw"),
    path("offers/<int:pk>/offer.pdf", views.offer_pdf, name="offer_pdf"),
    path("offers/<int:pk>/signed.pdf", views.offer_signed_pdf, name="offer_signed_pdf"),
    path("settings/offer-templates/", template_views.template_list, name="offer_templates"),
    path("settings/offer-templates/new/", template_views.template_edit, name="offer_template_new"),
    path(
        "settings/offer-templates/<int:pk>/",
        template_views.template_edit,
        name="offer_template_edit",
    ),
]
