"""`{{ job.description|ad_text:2 }}`: an ad's text in the safe Markdown subset
(rekryt.lib.richtext), its headings starting at the given level."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from rekryt.lib import richtext

register = template.Library()


@register.filter
def ad_text(text: str | None, top: int = 2) -> SafeString:
    return richtext.render(text or "", int(top))
