"""gunicorn's access log without secrets or personal data.

Run gunicorn with `--logger-class rekryt.lib.gunicorn_logger.AccessLogger`
(scripts/run.sh does). The request line, path, query string and referrer go
through rekryt.lib.logs; cookies and credentials are never written, whatever
`--access-logformat` asks for."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from rekryt.lib.logs import MASK, mask_path, mask_query, mask_url

_URLS = ("f", "{referer}i", "{http_referer}e", "{raw_uri}e", "{request_uri}e")
_SECRETS = (
    "{cookie}i",
    "{authorization}i",
    "{http_cookie}e",
    "{http_authorization}e",
    "{set-cookie}o",
)


class AccessLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        method, protocol = environ.get("REQUEST_METHOD", "-"), environ.get("SERVER_PROTOCOL", "-")
        atoms["r"] = f"{method} {mask_url(environ.get('RAW_URI', ''))} {protocol}"
        atoms["U"] = mask_path(environ.get("PATH_INFO", ""))
        atoms["q"] = mask_query(environ.get("QUERY_STRING", ""))
        atoms["{path_info}e"] = atoms["U"]
        atoms["{query_string}e"] = atoms["q"]
        for name in _URLS:
            if name in atoms and atoms[name] != "-":
                atoms[name] = mask_url(str(atoms[name]))
        for name in _SECRETS:
            if name in atoms:
                atoms[name] = MASK
        return atoms
