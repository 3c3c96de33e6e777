"""Template filters for showing a person's contact details to staff."""

from __future__ import annotations

from django import template

from rekryt.candidates.links import web_link

register = template.Library()

register.filter("web_link", web_link)
