from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    name = "rekryt.onboarding"
    label = "onboarding"

    def ready(self) -> None:
        from rekryt.applications import extensions, hooks
        from rekryt.messaging.hooks import check_before_sending
        from rekryt.onboarding import actions, emails, panels
        from rekryt.portal.extensions import add_home_panel
        from rekryt.surveys.actions import set_due_for
        from rekryt.surveys.models import Step

        hooks.on_outcome_changed(actions.on_outcome_changed)
        extensions.add_detail_panel(panels.application_panel)
        add_home_panel(panels.portal_panel)
        set_due_for(Step.HIRED, actions.hired_survey_due)
        check_before_sending(emails.REMINDER_KINDS, actions.reminder_still_wanted)
