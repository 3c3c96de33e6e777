"""Single sign-on with OpenID Connect against a fake identity provider.

The provider is a real HTTP server on a thread: discovery, authorize (only
its URL is checked), token endpoint with PKCE, JWKS and userinfo. allauth
talks to it with `requests` exactly as it would to Entra ID or Keycloak."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from rekryt.accounts.models import Role, StaffInvite, User
from rekryt.audit.models import AuditEntry

CLIENT_ID = "rekryt-test"
CLIENT_SECRET = "test-client-secret"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeIdP:
    def __init__(self) -> None:
        self.claims: dict[str, Any] = {}
        self.codes: dict[str, dict[str, str]] = {}
        self.token_requests: list[dict[str, list[str]]] = []
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, data: Any, status: int = 200) -> None:
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = urlparse(self.path).path
                if path == "/.well-known/openid-configuration":
                    self._json(idp.discovery())
                elif path == "/jwks":
                    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
                    self._json({"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]})
                elif path == "/userinfo":
                    if self.headers.get("Authorization") != "Bearer access-1":
                        self._json({"error": "invalid_token"}, 401)
                    else:
                        self._json(idp.claims)
                else:
                    self._json({"error": "not found"}, 404)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                idp.token_requests.append(form)
                grant = idp.codes.get(form.get("code", [""])[0])
                verifier = form.get("code_verifier", [""])[0]
                challenge = (
                    base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
                    .rstrip(b"=")
                    .decode()
                )
                if grant is None or challenge != grant["challenge"]:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                now = int(time.time())
                id_token = jwt.encode(
                    {
                        "iss": idp.issuer,
                        "aud": CLIENT_ID,
                        "iat": now,
                        "exp": now + 300,
                        "nonce": grant["nonce"],
                        **idp.claims,
                    },
                    KEY,
                    algorithm="RS256",
                    headers={"kid": "k1"},
                )
                self._json(
                    {
                        "access_token": "access-1",
                        "token_type": "Bearer",
                        "expires_in": 300,
                        "id_token": id_token,
                    }
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }


@pytest.fixture
def idp(settings: Any) -> Iterator[FakeIdP]:
    fake = FakeIdP()
    fake.thread.start()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "Fake IdP",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": fake.issuer, "oauth_pkce_enabled": True},
                }
            ]
        }
    }
    settings.OIDC_ALLOWED_DOMAINS = []
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def _sign_in(client: Any, idp: FakeIdP, claims: dict[str, Any]) -> Any:
    """login page → IdP authorize URL → callback; returns the callback response."""
    page = client.get(reverse("login"))
    login_url = "/staff/account/oidc/sso/login/"
    assert login_url in page.content.decode()
    assert "Log in with Fake IdP" in page.content.decode()

    response = client.post(login_url, {"process": "login"})
    assert response.status_code == 302
    authorize = urlparse(response["Location"])
    assert f"{authorize.scheme}://{authorize.netloc}{authorize.path}" == f"{idp.issuer}/authorize"
    params = {k: v[0] for k, v in parse_qs(authorize.query).items()}
    assert params["client_id"] == CLIENT_ID
    assert params["response_type"] == "code"
    assert params["redirect_uri"] == "http://testserver/staff/account/oidc/sso/login/callback/"
    assert set(params["scope"].split()) >= {"openid", "email", "profile"}
    assert params["code_challenge_method"] == "S256"
    assert params["state"]

    idp.claims = claims
    idp.codes["code-1"] = {
        "challenge": params["code_challenge"],
        "nonce": params.get("nonce", ""),
    }
    return client.get(
        "/staff/account/oidc/sso/login/callback/", {"code": "code-1", "state": params["state"]}
    )


def test_existing_staff_sign_in_with_their_verified_email(
    client: Any, rita: User, idp: FakeIdP
) -> None:
    response = _sign_in(
        client, idp, {"sub": "idp-rita", "email": "Rita@Example.com", "email_verified": True}
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("dashboard")
    assert int(client.session["_auth_user_id"]) == rita.pk
    token_request = idp.token_requests[-1]
    assert token_request["client_secret"] == [CLIENT_SECRET]
    assert token_request["redirect_uri"] == [
        "http://testserver/staff/account/oidc/sso/login/callback/"
    ]
    # The link is kept: the next sign-in finds the account by its subject.
    client.post(reverse("logout"))
    response = _sign_in(client, idp, {"sub": "idp-rita", "email": "rita@example.com"})
    assert int(client.session["_auth_user_id"]) == rita.pk


def test_strangers_are_refused_and_never_created(client: Any, rita: User, idp: FakeIdP) -> None:
    response = _sign_in(
        client, idp, {"sub": "x", "email": "stranger@example.com", "email_verified": True}
    )
    assert response.status_code == 403
    assert "no active staff account or pending invitation" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == 1


def test_unverified_email_is_refused(client: Any, rita: User, idp: FakeIdP) -> None:
    response = _sign_in(
        client, idp, {"sub": "x", "email": "rita@example.com", "email_verified": False}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_domain_outside_the_allowed_list_is_refused(
    client: Any, rita: User, idp: FakeIdP, settings: Any
) -> None:
    settings.OIDC_ALLOWED_DOMAINS = ["corp.example"]
    response = _sign_in(
        client, idp, {"sub": "x", "email": "rita@example.com", "email_verified": True}
    )
    assert response.status_code == 403


def test_deactivated_staff_are_refused(client: Any, rita: User, idp: FakeIdP) -> None:
    rita.is_active = False
    rita.save()
    response = _sign_in(
        client, idp, {"sub": "x", "email": "rita@example.com", "email_verified": True}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_pending_invitation_signs_in_and_creates_the_invited_account(
    client: Any, alice: User, idp: FakeIdP
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    StaffInvite.objects.create(
        email="nina@example.org",
        first_name="Nina",
        role=Role.HIRING_MANAGER,
        token_hash="0" * 64,
        invited_by=alice,
        expires_at=timezone.now() + timedelta(days=7),
    )
    response = _sign_in(
        client, idp, {"sub": "idp-nina", "email": "nina@example.org", "email_verified": True}
    )
    assert response.status_code == 302, response.content.decode()
    nina = User.objects.get(email="nina@example.org")
    assert nina.role == Role.HIRING_MANAGER and not nina.has_usable_password()
    assert int(client.session["_auth_user_id"]) == nina.pk
    assert StaffInvite.objects.get().accepted_at is not None
    assert AuditEntry.objects.filter(target_type="accounts.staffinvite").exists()


def test_without_configuration_there_is_no_sso(client: Any, rita: User) -> None:
    page = client.get(reverse("login"))
    assert "/staff/account/oidc/" not in page.content.decode()
    assert client.post("/staff/account/oidc/sso/login/").status_code == 404
    assert client.get("/staff/account/oidc/sso/login/callback/?code=x&state=y").status_code == 404


def test_identities_cannot_be_connected_by_hand(client: Any, rita: User, idp: FakeIdP) -> None:
    client.force_login(rita)
    assert client.get("/staff/account/3rdparty/").status_code == 404
    response = client.post("/staff/account/oidc/sso/login/", {"process": "connect"})
    params = {k: v[0] for k, v in parse_qs(urlparse(response["Location"]).query).items()}
    idp.claims = {"sub": "someone-else", "email": "other@example.com", "email_verified": True}
    idp.codes["code-2"] = {"challenge": params["code_challenge"], "nonce": params.get("nonce", "")}
    response = client.get(
        "/staff/account/oidc/sso/login/callback/", {"code": "code-2", "state": params["state"]}
    )
    assert response.status_code == 403
    from allauth.socialaccount.models import SocialAccount

    assert not SocialAccount.objects.exists()
