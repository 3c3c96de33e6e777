"""Create the first admin of a new install; everyone else is invited from
Settings → Staff. The password is asked for twice and checked by the same
validators as an invitation."""

from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rekryt.accounts.models import Role, User
from rekryt.audit.log import record
from rekryt.audit.models import Action


class Command(BaseCommand):
    help = "Create an admin account (role admin, Django admin access)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A staff member called {username!r} already exists.")
        user = User(
            username=username,
            email=options["email"].strip(),
            first_name=options["first_name"],
            last_name=options["last_name"],
            role=Role.ADMIN,
            is_staff=True,
            is_superuser=True,
        )
        password = self.ask_password(user)
        user.set_password(password)
        user.save()
        record(Action.ROLE_CHANGE, target=user, detail="admin_created")
        self.stdout.write(self.style.SUCCESS(f"Admin {username} created."))

    def ask_password(self, user: User) -> str:
        for _attempt in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords differ.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as exc:
                self.stderr.write(" ".join(exc.messages))
                continue
            return password
        raise CommandError("No password set; nothing was created.")
