"""The base class of a worker duty. It lives in lib so that every app can
declare duties without importing `ops`, which sits above them all; the
worker (rekryt.ops.duties) collects and runs them."""

from __future__ import annotations


class Duty:
    """One kind of background work. `handle_one` does one unit and says
    whether there may be more; failures belong on the row it worked on."""

    name = "duty"

    def handle_one(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Release resources held across a batch (an SMTP connection, say)."""
