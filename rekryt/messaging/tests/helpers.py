from __future__ import annotations

from typing import Any

from rekryt.messaging import outbox
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, TemplateKind


def work(duty: DeliverDueMessages | None = None) -> int:
    """Run the delivery duty until it has nothing due, as the worker does;
    the number of emails it handled (sent, failed or cancelled)."""
    duty = duty or DeliverDueMessages()
    done = 0
    try:
        while units := duty.handle_one():
            done += units
    finally:
        duty.close()
    return done


def queue_message(n: int = 1, **fields: Any) -> Message:
    """An email that concerns no application (the timeline hook ignores it)."""
    values = {"candidate_first_name": f"Åsa{n}", "job_title": "Lagerarbetare", "company": "Ö AB"}
    kwargs: dict[str, Any] = {
        "key": f"test:{n}",
        "kind": TemplateKind.APPLICATION_RECEIVED,
        "language": "sv",
        "to_email": f"person{n}@example.org",
        "to_name": f"Person {n}",
        "values": values,
    }
    kwargs.update(fields)
    return outbox.queue(**kwargs)


def reload(message: Message) -> Message:
    return Message.objects.get(pk=message.pk)
