from typing import Any

from django.http import HttpRequest

from rekryt.accounts.models import Organisation


def organisation(request: HttpRequest) -> dict[str, Any]:
    return {"organisation": Organisation.get()}
