"""Staff URLs for interviews (mounted under /staff/)."""

from django.urls import path

from rekryt.interviews import feed_views, kit_views, plan_views, schedule_views, video_views

urlpatterns = [
    path("jobs/<int:pk>/interviews/", plan_views.plan, name="interview_plan"),
    path(
        "jobs/<int:pk>/interviews/categories/",
        plan_views.category_add,
        name="interview_category_add",
    ),
    path(
        "jobs/<int:pk>/interviews/attributes/",
        plan_views.attribute_add,
        name="interview_attribute_add",
    ),
    path(
        "jobs/<int:pk>/interviews/template/",
        plan_views.template_copy,
        name="interview_template_copy",
    ),
    path("jobs/<int:pk>/interviews/steps/", plan_views.step_add, name="interview_step_add"),
    path(
        "jobs/<int:pk>/interviews/steps/<int:step_pk>/", plan_views.step_edit, name="interview_step"
    ),
    path(
        "jobs/<int:pk>/interviews/steps/<int:step_pk>/questions/",
        plan_views.question_add,
        name="interview_question_add",
    ),
    path(
        "jobs/<int:pk>/interviews/steps/<int:step_pk>/questions/<int:question_pk>/remove/",
        plan_views.question_remove,
        name="interview_question_remove",
    ),
    path("jobs/<int:pk>/interviews/slots/", plan_views.slots_add, name="interview_slots_add"),
    path(
        "jobs/<int:pk>/interviews/slots/<int:slot_pk>/remove/",
        plan_views.slot_remove,
        name="interview_slot_remove",
    ),
    path("jobs/<int:pk>/interviews/compare/", kit_views.compare, name="interview_compare"),
    path("applications/<int:pk>/interviews/offer/", schedule_views.offer, name="interview_offer"),
    path("applications/<int:pk>/interviews/book/", schedule_views.book, name="interview_book"),
    path("interviews/", feed_views.mine, name="my_interviews"),
    path("interviews/feed/new/", feed_views.feed_new, name="interview_feed_new"),
    path("interviews/feed/revoke/", feed_views.feed_revoke, name="interview_feed_revoke"),
    path("interviews/<int:pk>/", kit_views.kit, name="interview_kit"),
    path("interviews/<int:pk>/scorecard/", kit_views.scorecard_edit, name="scorecard_edit"),
    path("interviews/<int:pk>/move/", schedule_views.move, name="interview_move"),
    path("interviews/<int:pk>/cancel/", schedule_views.cancel, name="interview_cancel"),
    path("interviews/<int:pk>/undo/", schedule_views.undo, name="interview_undo"),
    path("scorecards/<int:pk>/", kit_views.scorecard_detail, name="scorecard_detail"),
    path("video-answers/<int:pk>/", video_views.recording, name="video_recording"),
    path(
        "jobs/<int:pk>/interviews/video/", plan_views.video_question_add, name="video_question_add"
    ),
    path(
        "jobs/<int:pk>/interviews/video/<int:question_pk>/remove/",
        plan_views.video_question_remove,
        name="video_question_remove",
    ),
]
