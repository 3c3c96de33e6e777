"""`manage.py check` (and the worker at start) warns when the semantic
re-ranking is switched on without its optional packages, where it would
silently do nothing."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning

from rekryt.lib import embeddings


def check_semantic_packages(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.SEMANTIC_SEARCH and not embeddings.available():
        return [
            Warning(
                "SEMANTIC_SEARCH is on but its packages are not installed, so search keeps "
                "the keyword order.",
                hint="Run `make semantic` (pip install --no-deps -r requirements-semantic.txt).",
                id="candidates.W001",
            )
        ]
    return []
