"""Staff URLs of onboarding (mounted under /staff/)."""

from django.urls import path

from rekryt.onboarding import staff_views as v

urlpatterns = [
    path("onboarding/", v.upcoming, name="onboarding_upcoming"),
    path("onboarding/<int:pk>/", v.detail, name="onboarding_detail"),
    path("onboarding/<int:pk>/invite/", v.invite, name="onboarding_invite"),
    path("onboarding/<int:pk>/undo-invite/", v.undo_invite, name="onboarding_undo_invite"),
    path("onboarding/<int:pk>/done/", v.complete, name="onboarding_complete"),
    path("onboarding/<int:pk>/handover/", v.handover_page, name="onboarding_handover"),
    path("onboarding/<int:pk>/handover.json", v.handover_json, name="onboarding_handover_json"),
    path(
        "onboarding/<int:pk>/pay-handed-over/", v.pay_handed_over, name="onboarding_pay_handed_over"
    ),
    path("onboarding/tasks/<int:pk>/done/", v.task_done, name="onboarding_task_done"),
    path("onboarding/tasks/<int:pk>/assign/", v.task_assign, name="onboarding_task_assign"),
    path("onboarding/files/<int:pk>/", v.upload_download, name="onboarding_file"),
]
