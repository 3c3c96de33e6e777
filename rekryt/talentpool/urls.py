from django.urls import path

from rekryt.talentpool import former_views, views

urlpatterns = [
    path("talent/", views.join, name="talent_join"),
    path("talent/<slug:slug>/", views.join, name="talent_join_area"),
]

staff_urlpatterns = [
    path("pools/", views.pool_list, name="talentpool_pools"),
    path("pools/<int:pk>/nurture/", views.nurture_pool, name="talentpool_nurture"),
    path("pools/members/<int:pk>/", views.member_detail, name="talentpool_member"),
    path("jobs/<int:pk>/suggestions/", views.job_suggestions, name="talentpool_suggestions"),
    path(
        "jobs/<int:pk>/suggestions/<int:member_pk>/invite/",
        views.invite,
        name="talentpool_invite",
    ),
    path(
        "jobs/<int:pk>/suggestions/earlier/<int:candidate_pk>/invite/",
        views.invite_earlier,
        name="talentpool_invite_earlier",
    ),
    path("applications/<int:pk>/left/", former_views.mark_left, name="talentpool_mark_left"),
    path("applications/<int:pk>/left/undo/", former_views.undo_left, name="talentpool_undo_left"),
]
