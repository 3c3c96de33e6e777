from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from rekryt.accounts.models import Role, User
from rekryt.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_creates_an_admin_with_a_checked_password() -> None:
    answers = iter(["short", "short", "a long enough secret 42", "a long enough secret 42"])
    with mock.patch("getpass.getpass", side_effect=lambda prompt: next(answers)):
        call_command("create_admin", "boss", email="boss@example.org")
    user = User.objects.get(username="boss")
    assert user.role == Role.ADMIN and user.is_admin and user.is_superuser
    assert user.check_password("a long enough secret 42")
    assert AuditEntry.objects.filter(target_id=str(user.pk), action="role_change").exists()


def test_refuses_an_existing_name_and_creates_nothing_without_a_password(alice: User) -> None:
    with pytest.raises(CommandError):
        call_command("create_admin", alice.username, email="x@example.org")
    with (
        mock.patch("getpass.getpass", side_effect=["a", "b"] * 3),
        pytest.raises(CommandError),
    ):
        call_command("create_admin", "nobody", email="n@example.org")
    assert not User.objects.filter(username="nobody").exists()
