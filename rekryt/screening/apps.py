from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "rekryt.screening"
    label = "screening"

    def ready(self) -> None:
        from rekryt.applications import hooks
        from rekryt.applications.automations import still_in_stage
        from rekryt.messaging.hooks import add_staff_masks, check_before_sending
        from rekryt.screening import blind, board, detail, invitations, scoring
        from rekryt.screening.apply import screening_part

        hooks.add_apply_part(screening_part)
        hooks.add_board_view(board.screening_view)
        hooks.add_card_flag(board.screening_flag)
        hooks.add_detail_section(detail.answers_section)
        hooks.add_detail_section(detail.tests_section)
        hooks.add_search_texts(scoring.searchable_answers)
        hooks.on_stage_entered(invitations.on_stage_entered)
        # Reminders only while the test is open; invitations a move caused
        # only while the card is still in that stage (the stage rule).
        check_before_sending([invitations.REMINDER], invitations.still_wanted)
        check_before_sending(invitations.KINDS, still_in_stage)
        hooks.add_blind_review(blind.blind_for, blind.blind_ids)
        add_staff_masks(blind.message_masks)
