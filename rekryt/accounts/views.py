from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Organisation


@require_GET
def brand_css(request: HttpRequest) -> HttpResponse:
    """The brand colour as a stylesheet, so no page needs an inline style."""
    org = Organisation.get()
    css = f":root {{ --brand: {org.brand_colour}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def organisation_logo(request: HttpRequest) -> HttpResponseBase:
    """The public logo. Uploaded files are private; the logo is the one
    exception, served here with its sniffed type and never as HTML."""
    from django.http import FileResponse, Http404

    org = Organisation.get()
    if not org.logo:
        raise Http404
    try:
        handle = org.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    head = handle.read(16)
    handle.seek(0)
    if head.startswith(b"\x89PNG"):
        content_type = "image/png"
    elif head.startswith(b"\xff\xd8\xff"):
        content_type = "image/jpeg"
    else:
        handle.close()
        raise Http404
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=300"
    return response
