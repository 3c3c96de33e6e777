from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "rekryt.conversations"
    label = "conversations"

    def ready(self) -> None:
        from rekryt.applications import extensions
        from rekryt.conversations import panels
        from rekryt.conversations.addresses import reply_address
        from rekryt.jobs import extensions as job_extensions
        from rekryt.messaging.hooks import provide_reply_to

        # Every candidate email gets its own reply address (rekryt.messaging.outbox).
        provide_reply_to(reply_address)
        extensions.add_detail_related("candidate__address_failure")
        extensions.add_detail_panel(panels.conversation_panel)
        extensions.add_card_flag("unread_replies", panels.has_unread, panels.unread_label)
        extensions.add_board_filter("unread", panels.only_unread)
        job_extensions.add_dashboard_panel(panels.dashboard_panel)
