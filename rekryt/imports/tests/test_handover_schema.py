"""The hand-over document (rekryt.onboarding) an HR system fetches is valid
against docs/schemas/handover-v1.json, with and without pay details."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rekryt.onboarding.actions import invite, save_pay_details
from rekryt.onboarding.tests.helpers import hire

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "schemas" / "handover-v1.json").read_text()
)


@pytest.mark.parametrize("who,pay", [("rita", True), ("hanna", False)])
def test_real_handover_json_validates(
    client: Any, job: Any, rita: Any, request: Any, who: str, pay: bool
) -> None:
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    invite(onboarding, rita)
    save_pay_details(
        onboarding, {"clearing": "6123", "account": "123456789"}, {"tax_municipality": "Solna"}
    )
    client.force_login(request.getfixturevalue(who))
    data = client.get(f"/staff/onboarding/{onboarding.pk}/handover.json").json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert ("pay" in data) is pay
    assert data["checklist"]  # the schema is checked against real rows, not empty lists
    broken = dict(data, start_time="9 o'clock")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
