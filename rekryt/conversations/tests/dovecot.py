"""A real IMAP server for tests: Debian's dovecot, started as the current
user with a throw-away configuration (maildir in a temporary directory, one
passwd-file user, 127.0.0.1 on a free port, no system service).

Run as root (CI), dovecot's login processes drop to its own `dovenull`
user and mail is owned by its `dovecot` user, because dovecot refuses both
to run logins as root and to serve mail for uid 0."""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import shutil
import socket
import subprocess  # nosec B404: starts the test's own dovecot
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "rekryt", "imap-test-password"


def available() -> bool:
    return Path(DOVECOT).exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    root: Path
    port: int
    owner: tuple[int, int]

    @property
    def url(self) -> str:
        return f"imap://{USER}:{PASSWORD}@127.0.0.1:{self.port}/INBOX"

    def deliver(self, raw: bytes) -> None:
        """Put a message into the maildir's new/, as a delivery agent does."""
        maildir = self.root / "mail" / USER
        for sub in ("new", "cur", "tmp"):
            (maildir / sub).mkdir(parents=True, exist_ok=True)
        name = f"{time.time():.0f}.{uuid.uuid4().hex}.rekryt-test"
        staged = maildir / "tmp" / name
        staged.write_bytes(raw)
        for path in (maildir, *maildir.iterdir(), staged):
            os.chown(path, *self.owner)
        staged.rename(maildir / "new" / name)

    def unseen(self) -> int:
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            client.login(USER, PASSWORD)
            client.select("INBOX")
            _status, data = client.uid("SEARCH", "UNSEEN")
            return len(data[0].split()) if data and data[0] else 0
        finally:
            client.logout()


def _config(root: Path, port: int, owner: tuple[int, int]) -> str:
    me = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    as_root = os.getuid() == 0
    login = "dovenull" if as_root else me
    internal, internal_group = ("dovecot", "dovecot") if as_root else (me, group)
    return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
mail_location = maildir:{root}/mail/%u
first_valid_uid = {owner[0]}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={owner[0]} gid={owner[1]} home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
}}
service submission-login {{
  inet_listener submission {{
    port = 0
  }}
}}
"""


def _owner() -> tuple[int, int]:
    if os.getuid() != 0:
        return os.getuid(), os.getgid()
    mail_user = pwd.getpwnam("dovecot")
    return mail_user.pw_uid, mail_user.pw_gid


def _wait_until_listening(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("dovecot exited: " + (log.read_text() if log.exists() else ""))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(100).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("dovecot did not start listening")


@contextmanager
def running() -> Iterator[Server]:
    root = Path(tempfile.mkdtemp(prefix="rekryt-dovecot-"))
    # The login processes (another user, when run as root) reach sockets here.
    root.chmod(0o755)
    owner = _owner()
    for sub in ("run", "state", "home", "mail"):
        (root / sub).mkdir()
    os.chown(root / "mail", *owner)
    os.chown(root / "home", *owner)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = _free_port()
    (root / "dovecot.conf").write_text(_config(root, port, owner))
    process = subprocess.Popen(  # noqa: S603  # nosec B603: fixed arguments
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_listening(port, process, root / "dovecot.log")
        yield Server(root, port, owner)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(root, ignore_errors=True)
