from django.urls import path

from rekryt.surveys import staff_views, views

urlpatterns = [
    # Candidates, from the invitation email.
    path("survey/thanks/", views.survey_thanks, name="survey_thanks"),
    path("survey/<str:token>/", views.survey_answer, name="survey_answer"),
    path("survey/<str:token>/unsubscribe/", views.survey_unsubscribe, name="survey_unsubscribe"),
    # Staff.
    path("staff/cnps/", staff_views.cnps_dashboard, name="cnps_dashboard"),
    path("staff/cnps/export.csv", staff_views.cnps_export, name="cnps_export"),
    path("staff/cnps/questions/", staff_views.survey_questions, name="survey_questions"),
    path(
        "staff/cnps/questions/<int:pk>/",
        staff_views.survey_question_edit,
        name="survey_question_edit",
    ),
]
