"""QuickSelect writes the HTML Django's Select writes, escaped the same."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from rekryt.lib.widgets import QuickSelect

HOSTILE = '"><script>alert(1)</script>&amp;'
CHOICES = [("", "—"), ("a", "Alfa"), ("b&c", HOSTILE), (3, "Tre")]
GROUPED = [
    ("", "—"),
    ("Skåne län", [("x1", "Bjuv"), ("x2", "Malmö")]),
    ("Gotlands län", [("x3", "Gotland")]),
]


def both(choices, value, attrs):
    ours = QuickSelect(choices=choices).render("field", value, attrs)
    theirs = forms.Select(choices=choices).render("field", value, attrs)
    return ours, theirs


@pytest.mark.parametrize("choices", [CHOICES, GROUPED])
@pytest.mark.parametrize("value", [None, "", "a", "b&c", 3, "x2", "not there"])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_field", "required": True, "disabled": False, "aria-describedby": HOSTILE}],
)
def test_it_writes_what_djangos_select_writes(choices, value, attrs):
    ours, theirs = both(choices, value, attrs)
    assert parse_html(ours) == parse_html(theirs)
    assert "<script>" not in ours


def test_a_chosen_option_is_marked_selected_and_labels_are_escaped():
    ours, _theirs = both(CHOICES, "b&c", {"id": "id_field"})
    assert '<option value="b&amp;c" selected>&quot;&gt;&lt;script&gt;' in ours
    assert ours.startswith('<select name="field" id="id_field">')


def test_a_form_field_renders_with_it_and_keeps_its_value():
    class Form(forms.Form):
        field = forms.ChoiceField(choices=GROUPED, widget=QuickSelect)

    form = Form({"field": "x3"})
    assert form.is_valid()
    html = str(form["field"])
    assert '<optgroup label="Gotlands län">' in html
    assert '<option value="x3" selected>Gotland</option>' in html
