"""Small typed readers for environment variables (the healthchecks way)."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f"{name} must be a boolean (true/false), got {raw!r}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


# Commands that only read or write migration files: they never sign or
# encrypt anything, so they may run in a checkout with no secret configured.
SECRETLESS_COMMANDS = frozenset({"makemigrations", "showmigrations", "sqlmigrate"})


def mandatory_secret(name: str, argv: list[str] | None = None) -> str:
    value = os.environ.get(name, "")
    argv = sys.argv if argv is None else argv
    if not value and len(argv) > 1 and argv[1] in SECRETLESS_COMMANDS:
        return "schema-commands-only-" + "x" * 40  # never used to sign anything
    if not value:
        raise RuntimeError(
            f"{name} must be set when DEBUG is off (see .env.example). "
            "For local development run with DEBUG=true, as `make run` does."
        )
    return value


def development_secret(data_dir: Path) -> str:
    """A per-install secret kept in DATA_DIR so sessions survive restarts."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def s3_storage(bucket: str) -> dict[str, object]:
    """django-storages' S3 backend for uploaded and generated files: private
    objects, never overwritten, no public URL in any page (downloads go
    through Rekryt's permission-checked views, which read the object). The
    credentials may also come from boto3's own environment or an instance
    role, so each S3_* setting but the bucket is optional."""
    options = {
        "bucket_name": bucket,
        "endpoint_url": envstr("S3_ENDPOINT_URL") or None,
        "region_name": envstr("S3_REGION") or None,
        "access_key": envstr("S3_ACCESS_KEY_ID") or None,
        "secret_key": envstr("S3_SECRET_ACCESS_KEY") or None,
        "location": envstr("S3_PREFIX"),
        "default_acl": "private",
        "file_overwrite": False,
        # A signed URL, if anything ever asks for one, lives for a minute.
        "querystring_auth": True,
        "querystring_expire": 60,
        "addressing_style": envstr("S3_ADDRESSING_STYLE") or None,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
