"""Upload handlers that cap each file without discarding the rest of the form.

A file larger than UPLOAD_MAX_BYTES is skipped while it streams in (never
stored in full); its field name is remembered on the request so the form can
say so beside the field and keep every other value."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import (
    MemoryFileUploadHandler,
    SkipFile,
    TemporaryFileUploadHandler,
)


def oversized_fields(request: Any) -> set[str]:
    fields: set[str] = getattr(request, "_oversized_upload_fields", set())
    return fields


class _CapMixin:
    request: Any
    field_name: str
    _received = 0

    def _start(self) -> None:
        self._received = 0

    def _count(self, raw_data: bytes) -> None:
        self._received += len(raw_data)
        if self._received > settings.UPLOAD_MAX_BYTES:
            fields: set[str] = getattr(self.request, "_oversized_upload_fields", set())
            fields.add(self.field_name)
            self.request._oversized_upload_fields = fields
            raise SkipFile()


class CappedUploadHandler(_CapMixin, MemoryFileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        self._start()
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        # Count once, in the first handler; later handlers see the same chunk.
        self._count(raw_data)
        return super().receive_data_chunk(raw_data, start)


class CappedTemporaryUploadHandler(TemporaryFileUploadHandler):
    pass
