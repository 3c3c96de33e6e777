"""The offer as a PDF (fpdf2, with the vendored DejaVu Sans so å, ä and ö
and every other Latin letter print), and the signed copy: the same pages
followed by a page that records the signature.

The offer's PDF is made once, when it is sent, and stored: the candidate is
shown those bytes and signs their SHA-256, so it is never rendered again."""

from __future__ import annotations

import hashlib
import io
import logging
from datetime import date
from pathlib import Path

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from rekryt.accounts.models import Organisation
from rekryt.offers.models import Offer

logging.getLogger("fontTools").setLevel(logging.WARNING)  # per-glyph INFO lines
FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _document(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(title)
    pdf.set_lang("sv")
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, size: float = 12) -> None:
    pdf.set_font(FAMILY, "B", size)
    pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font(FAMILY, "", 10.5)
    pdf.multi_cell(0, 5.4, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _row(pdf: FPDF, label: str, value: str) -> None:
    pdf.set_font(FAMILY, "B", 10.5)
    pdf.cell(55, 6.5, label)
    pdf.set_font(FAMILY, "", 10.5)
    pdf.multi_cell(0, 6.5, value, new_x="LMARGIN", new_y="NEXT")


def day(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def offer_pdf(offer: Offer) -> bytes:
    """Render `offer` in its application's language."""
    application = offer.application
    organisation = Organisation.get()
    with translation.override(application.language):
        pdf = _document(_("Offer of employment") + f" · {offer.title}")
        _heading(pdf, organisation.name, 10)
        _heading(pdf, _("Offer of employment"), 18)
        _paragraph(pdf, f"{application.full_name}\n" + _("Version %(n)s") % {"n": offer.version})
        if offer.intro:
            _paragraph(pdf, offer.intro)
        _row(pdf, _("Position"), offer.title)
        _row(pdf, _("Salary"), offer.salary_text)
        _row(pdf, _("Start date"), day(offer.start_date))
        if offer.collective_agreement:
            _row(pdf, _("Collective agreement"), offer.collective_agreement)
        _row(pdf, _("Answer by"), day(offer.expires_on))
        pdf.ln(4)
        for label, text in ((_("Terms"), offer.terms), (_("Benefits"), offer.benefits)):
            if text:
                _heading(pdf, label)
                _paragraph(pdf, text)
        _paragraph(
            pdf,
            _(
                "You accept or decline this offer in the candidate portal by typing your "
                "full name. Your acceptance is a simple electronic signature: your name, "
                "the time, your address and the SHA-256 checksum of this document are kept."
            ),
        )
        return bytes(pdf.output())


def signature_page(offer: Offer) -> bytes:
    with translation.override(offer.application.language):
        pdf = _document(_("Signature"))
        _heading(pdf, _("Electronic signature"), 16)
        _paragraph(
            pdf,
            _(
                "The offer on the preceding pages was accepted with a simple electronic "
                "signature (eIDAS, Regulation (EU) No 910/2014, article 3(10))."
            ),
        )
        signed_at = timezone.localtime(offer.signed_at)
        _row(pdf, _("Signed by"), offer.signed_name)
        _row(pdf, _("Time"), formats.date_format(signed_at, "DATETIME_FORMAT"))
        _row(pdf, _("IP address"), offer.signed_ip or "–")
        _row(pdf, _("Offer"), offer.file_name())
        _row(pdf, _("SHA-256 of the offer"), "")
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(0, 5, offer.pdf_sha256, new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())


def signed_copy(original: bytes, offer: Offer) -> bytes:
    """The pages the candidate was shown, unchanged, with the signature page after."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(original)))
    writer.append(PdfReader(io.BytesIO(signature_page(offer))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
