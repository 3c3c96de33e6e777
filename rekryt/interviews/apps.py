from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "rekryt.interviews"
    label = "interviews"

    def ready(self) -> None:
        from rekryt.applications import extensions, hooks
        from rekryt.interviews import calendar, panels, scheduling
        from rekryt.messaging.hooks import check_before_sending, provide_calendar
        from rekryt.portal.extensions import add_home_panel

        hooks.on_stage_entered(scheduling.on_stage_entered)
        extensions.add_detail_panel(panels.application_panel)
        provide_calendar(calendar.KINDS, calendar.part_for)
        check_before_sending(calendar.REMINDER_KINDS, scheduling.reminder_still_wanted)
        add_home_panel(panels.portal_panel)
