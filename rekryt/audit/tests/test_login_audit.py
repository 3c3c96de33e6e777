"""Sign-ins, sign-outs and failed sign-ins land in the audit log; a typed
password never does."""

from __future__ import annotations

from django.urls import reverse

from rekryt.audit.models import Action, AuditEntry

AGENT = "Mozilla/5.0 (audit test)"
SECRET = "hunter2-not-the-password"


def login(client, username, password):
    # Both field names: Django's LoginView reads `username`, allauth `login`.
    data = {"username": username, "login": username, "password": password}
    return client.post(reverse("login"), data, HTTP_USER_AGENT=AGENT, REMOTE_ADDR="192.0.2.7")


def test_a_successful_login_is_recorded_with_ip_and_user_agent(client, alice):
    login(client, "alice", "pw-alice")
    entry = AuditEntry.objects.get(action=Action.LOGIN)
    assert entry.actor == alice
    assert entry.actor_label == "alice"
    assert entry.ip == "192.0.2.7"
    assert entry.user_agent == AGENT
    # The login signal's entry is the only one: no generic "changed" for the POST.
    assert AuditEntry.objects.count() == 1


def test_a_failed_login_is_recorded_without_the_password(client, alice):
    login(client, "alice", SECRET)
    entry = AuditEntry.objects.get(action=Action.LOGIN_FAILED)
    assert entry.actor is None
    assert (entry.detail, entry.params) == ("login_failed", {"name": "alice"})
    assert entry.ip == "192.0.2.7"
    for value in AuditEntry.objects.values_list(
        "summary", "params", "path", "user_agent", "actor_label", "target_id"
    ):
        assert not any(SECRET in str(v) for v in value)


def test_a_long_or_odd_typed_name_is_shortened(client, alice):
    login(client, "x" * 500 + "\r\n", SECRET)
    entry = AuditEntry.objects.get(action=Action.LOGIN_FAILED)
    assert len(entry.params["name"]) <= 60
    assert "\n" not in entry.params["name"]


def test_logout_is_recorded(client, alice):
    client.force_login(alice)
    client.post(reverse("logout"), REMOTE_ADDR="192.0.2.8")
    entry = AuditEntry.objects.get(action=Action.LOGOUT)
    assert entry.actor == alice
    assert entry.ip == "192.0.2.8"
    assert AuditEntry.objects.exclude(action=Action.LOGIN).count() == 1
