"""Find a module of the same name in every Rekryt app, in INSTALLED_APPS order.

This is how an app declares a capability without the app that uses it
importing it: `duties` for the worker, `personal_data` for export and
erasure, `retention` for retention rules (see rekryt.privacy)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from django.apps import apps


def app_modules(name: str) -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("rekryt."):
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return found
