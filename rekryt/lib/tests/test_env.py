import pytest

from rekryt.lib.env import mandatory_secret


def test_a_missing_secret_stops_every_command_that_could_sign(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    for argv in (["manage.py", "runserver"], ["manage.py", "worker"], ["gunicorn"], ["manage.py"]):
        with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
            mandatory_secret("SECRET_KEY", argv)


def test_migration_file_commands_run_without_a_secret(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert mandatory_secret("SECRET_KEY", ["manage.py", "makemigrations", "--check"])


def test_a_configured_secret_is_used(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "configured")
    assert mandatory_secret("SECRET_KEY", ["manage.py", "makemigrations"]) == "configured"
