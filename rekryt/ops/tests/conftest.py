from rekryt.messaging.tests.smtpserver import smtp  # noqa: F401
