"""The candidate's offer pages in the portal."""

from django.urls import path

from rekryt.offers import portal_views

urlpatterns = [
    path("portal/offers/<int:pk>/", portal_views.offer_page, name="portal_offer"),
    path("portal/offers/<int:pk>/decline/", portal_views.decline, name="portal_offer_decline"),
    path("portal/offers/<int:pk>/offer.pdf", portal_views.offer_pdf, name="portal_offer_pdf"),
    path(
        "portal/offers/<int:pk>/signed.pdf",
        portal_views.signed_pdf,
        name="portal_offer_signed_pdf",
    ),
]
