"""Fast inserts for generated benchmark data (never for real data: no
signals, no validation, no save()).

`Rows(Model)` prepares every column's default once; `add(**values)` takes
values that are already what the database stores (ints, strings, None;
datetimes through `moment`; `auto_now` fields default to now), so a
million rows cost an executemany rather than a million model instances.
Primary keys are given by the caller (`next_ids`), so rows of several
tables can point at each other before any is written; `finish()` moves
PostgreSQL's sequences past them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Max, Model
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone


def moment(value: datetime) -> Any:
    """A datetime as this database's driver takes it."""
    return connection.ops.adapt_datetimefield_value(value)


def next_ids(model: type[Model], count: int) -> range:
    """`count` free primary keys after the table's highest."""
    top = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
    return range(top + 1, top + 1 + count)


class Rows:
    def __init__(self, model: type[Model]) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = [str(f.column) for f in self.fields]
        self.defaults = {f.attname: self._default(f) for f in self.fields}
        self.rows: list[tuple[Any, ...]] = []

    @staticmethod
    def _default(field: Any) -> Any:
        if field.primary_key and field.default is NOT_PROVIDED:
            return None
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return moment(timezone.now())
        return field.get_db_prep_save(field.get_default(), connection)

    def add(self, **values: Any) -> None:
        row = self.defaults | values
        self.rows.append(tuple(row[f.attname] for f in self.fields))

    def extend(self, many: Iterable[dict[str, Any]]) -> None:
        for values in many:
            self.add(**values)

    def write(self) -> int:
        """Insert what was added since the last write; returns the count."""
        if not self.rows:
            return 0
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(c) for c in self.columns)
        marks = ", ".join(["%s"] * len(self.columns))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows)  # noqa: S608  # nosec B608 (names from the model's own metadata)
        written, self.rows = len(self.rows), []
        return written

    def finish(self) -> None:
        """After explicit ids on PostgreSQL, the sequence must move on."""
        self.write()
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        table = self.model._meta.db_table
        column = str(self.model._meta.pk.column) if self.model._meta.pk else "id"
        top = f"SELECT COALESCE(MAX({quote(column)}), 1) FROM {quote(table)}"  # noqa: S608  # nosec B608 (names from the model's metadata)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), ({top}))", [table, column]
            )
