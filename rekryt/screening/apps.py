from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "rekryt.screening"
    label = "screening"

    def ready(self) -> None:
        from rekryt.applications import hooks
        from rekryt.messaging.hooks import add_staff_mask
        from rekryt.screening import blind, board, detail
        from rekryt.screening.apply import screening_part

        hooks.add_apply_part(screening_part)
        hooks.add_board_view(board.screening_view)
        hooks.add_card_flag(board.screening_flag)
        hooks.add_detail_section(detail.answers_section)
        hooks.add_blind_review(blind.blind_for, blind.blind_ids)
        add_staff_mask(blind.message_mask)
