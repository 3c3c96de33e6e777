"""A real SMTP server on loopback that accepts every email and records, per
email, when it arrived: for `make loadtest` and `make bench`, never for
production. One JSON line per email: {"at": unix time, "to": [...],
"message_id": "..."}.

    python scripts/smtp_sink.py --port 2525 --log var/loadtest/received.jsonl
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import signal
import time
from typing import Any, TextIO

from aiosmtpd.controller import Controller

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class Recorder:
    def __init__(self, log: TextIO):
        self.log = log
        self.count = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # Only the Message-ID is read, straight from the header block: the
        # sink must cost less than the sender it measures.
        head = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        match = MESSAGE_ID.search(head)
        line = {
            "at": time.time(),
            "to": list(envelope.rcpt_tos),
            "message_id": match.group(1).decode("ascii", "replace") if match else "",
        }
        self.log.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.log.flush()
        self.count += 1
        return "250 Message accepted"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    with open(args.log, "a", encoding="utf-8") as log:
        recorder = Recorder(log)
        controller = Controller(recorder, hostname="127.0.0.1", port=args.port)
        controller.start()
        print(f"smtp sink listening on 127.0.0.1:{args.port}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        loop.run_until_complete(stop.wait())
        controller.stop()
        print(f"smtp sink stopped after {recorder.count} emails", flush=True)


if __name__ == "__main__":
    main()
