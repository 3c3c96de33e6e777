"""The client address behind trusted proxies."""

from django.test import RequestFactory

from rekryt.lib.ratelimit import client_ip


def request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_it_uses_remote_addr_and_ignores_forwarded_for_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_it_takes_the_address_the_one_trusted_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "198.51.100.1")) == "198.51.100.1"


def test_it_ignores_addresses_a_client_wrote_into_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    spoofed = "1.2.3.4, 5.6.7.8, 198.51.100.1"
    assert client_ip(request("10.0.0.2", spoofed)) == "198.51.100.1"


def test_it_counts_from_the_right_for_two_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    chain = "1.2.3.4, 198.51.100.1, 10.0.0.1"
    assert client_ip(request("10.0.0.2", chain)) == "198.51.100.1"


def test_it_falls_back_to_remote_addr_when_the_proxy_sent_no_header(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"


def test_it_treats_a_malformed_address_as_unknown(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "<script>")) == "unknown"


def test_it_groups_ipv6_addresses_by_their_64_bit_prefix(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    first = client_ip(request("2001:db8:1:2::1"))
    second = client_ip(request("2001:db8:1:2:ffff::9"))
    assert first == second == "2001:db8:1:2::/64"
