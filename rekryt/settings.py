"""Rekryt settings: everything comes from environment variables (.env.example)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from rekryt.lib.env import (
    development_secret,
    envbool,
    envint,
    envlist,
    envstr,
    mandatory_secret,
    s3_storage,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(envstr("DATA_DIR", str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY") or (
    development_secret(DATA_DIR) if DEBUG else mandatory_secret("SECRET_KEY")
)
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SECURE = SITE_URL.startswith("https://")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "rekryt.accounts",
    "rekryt.audit",
    "rekryt.jobs",
    "rekryt.candidates",
    "rekryt.messaging",
    "rekryt.privacy",
    "rekryt.applications",
    "rekryt.screening",
    "rekryt.interviews",
    # Below the portal, which shows the conversation to the candidate.
    "rekryt.conversations",
    "rekryt.portal",
    "rekryt.surveys",
    "rekryt.promises",
    # The process after the pipeline, in ARCHITECTURE's order. They use the
    # portal (its session, links and home page), the promise's working days
    # and the surveys above them.
    "rekryt.talentpool",
    "rekryt.references",
    "rekryt.offers",
    "rekryt.onboarding",
    "rekryt.campaigns",
    "rekryt.analytics",
    "rekryt.imports",
    # Webhooks and the REST API read every app above.
    "rekryt.api",
    # django-ninja's own static files: the API documentation loads nothing
    # from the internet.
    "ninja",
    "rekryt.ops",
    "rekryt.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Staff login, password reset, two-factor and single sign-on.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rekryt.lib.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "rekryt.accounts.middleware.StaffSessionMiddleware",
    "rekryt.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rekryt.lib.middleware.SecurityHeadersMiddleware",
    "rekryt.audit.middleware.AuditMiddleware",
]

ROOT_URLCONF = "rekryt.urls"
WSGI_APPLICATION = "rekryt.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# ModelBackend keeps Django's own login (tests, the admin's password check);
# allauth's backend adds login by email address.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rekryt" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rekryt.accounts.context_processors.organisation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{DATA_DIR / 'rekryt.sqlite3'}")
# Connections are kept for a minute (each thread of each process has its
# own): opening one per request, with its PRAGMAs, was a tenth of an apply
# POST's time under load.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend with `PRAGMA optimize` on close (rekryt.lib.sqlite).
    DATABASES["default"]["ENGINE"] = "rekryt.lib.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the one writer; IMMEDIATE takes the write
        # lock at BEGIN so concurrent writers wait (busy timeout) instead of
        # failing with "database is locked" half-way through a transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the organisation row and django-allauth's own rate limits
# (Rekryt's limits and the login lockout are counted in the database:
# rekryt.accounts.ratelimit). A file cache in DATA_DIR is shared by every
# gunicorn and worker process on the machine; Rekryt's version makes add and
# incr atomic, which allauth's limits rely on.
# With several machines, REDIS_URL gives them one cache (Django's Redis
# backend; add and incr are atomic there too).
REDIS_URL = envstr("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "rekryt.lib.filecache.LockingFileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    )
}

# --- Internationalisation --------------------------------------------------
LANGUAGE_CODE = envstr("LANGUAGE_CODE", "sv")
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "rekryt" / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Europe/Stockholm")
# One European date style per language (rekryt/lib/formats).
FORMAT_MODULE_PATH = ["rekryt.lib.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "rekryt" / "static"]
# Uploaded files are private: never served under a public URL (no MEDIA_URL).
PRIVATE_FILES_DIR = DATA_DIR / "files"
# Or S3-compatible object storage (S3_BUCKET), for several machines: private
# objects, read back through the permission-checked views (rekryt.lib.storage).
S3_BUCKET = envstr("S3_BUCKET")
STORAGES = {
    "default": s3_storage(S3_BUCKET)
    if S3_BUCKET
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_FILES_DIR), "base_url": "/nonexistent/"},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "rekryt" / "public"
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_MB", 20) * 1024 * 1024
# The whole request may carry a CV, a cover letter and the form fields.
REQUEST_MAX_BYTES = UPLOAD_MAX_BYTES * 2 + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_TEMP_DIR = None
APPLY_RATE_LIMIT = envint("APPLY_RATE_LIMIT", 10)  # applications per IP per hour
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# --- Campaigns: Platsbanken and the embeddable job list --------------------
# Semantic re-ranking of candidate search (docs/talentpool.md): off unless
# switched on, and then only with the optional packages installed
# (requirements-semantic.txt). It re-orders keyword results, never filters.
SEMANTIC_SEARCH = envbool("SEMANTIC_SEARCH", False)

# Sending ads to Arbetsförmedlingen's direct-transfer API is off unless
# switched on with the employer's credentials (docs/campaigns.md).
PLATSBANKEN_ENABLED = envbool("PLATSBANKEN_ENABLED", False)
PLATSBANKEN_URL = envstr("PLATSBANKEN_URL").rstrip("/")
PLATSBANKEN_API_KEY = envstr("PLATSBANKEN_API_KEY")
PLATSBANKEN_CUSTOMER_NUMBER = envstr("PLATSBANKEN_CUSTOMER_NUMBER")
PLATSBANKEN_TIMEOUT = envint("PLATSBANKEN_TIMEOUT", 10)
# Who may show /embed/jobs/ in a frame: a CSP frame-ancestors source list,
# e.g. "https://www.example.se". "*" lets any site embed the public job list.
EMBED_FRAME_ANCESTORS = envstr("EMBED_FRAME_ANCESTORS", "*")

# --- Email -----------------------------------------------------------------
EMAIL_URL = envstr("EMAIL_URL")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "rekryt@localhost")
EMAIL_TIMEOUT = 20
# Mail sent through django.core.mail (password resets, invitations, allauth)
# goes into the durable outbox like every other email; the worker delivers it.
EMAIL_BACKEND = "rekryt.messaging.django_backend.OutboxBackend"

# --- Replies from candidates (rekryt.conversations) -------------------------
# Every email to a candidate carries Reply-To: reply+<token>@REPLY_DOMAIN.
# Empty: the organisation's reply-to address is used and replies are not read.
REPLY_DOMAIN = envstr("REPLY_DOMAIN").lower()
# Mailbox polled for replies (hosted mail): imaps://user:password@host:993/INBOX
IMAP_URL = envstr("IMAP_URL")
# `manage.py receive_mail` listens here for mail the mail server forwards.
RECEIVE_MAIL_HOST = envstr("RECEIVE_MAIL_HOST", "127.0.0.1")
RECEIVE_MAIL_PORT = envint("RECEIVE_MAIL_PORT", 2525)
# Largest email accepted, in megabytes, and emails accepted per sender per hour.
INBOUND_MAX_MB = envint("INBOUND_MAX_MB", 25)
INBOUND_PER_SENDER_PER_HOUR = envint("INBOUND_PER_SENDER_PER_HOUR", 20)

# --- Interviews (rekryt.interviews) ----------------------------------------
# A Jitsi Meet-compatible server: each video interview gets the room
# <base>/rekryt-<random>. Empty: recruiters paste a link per interview.
VIDEO_MEETING_BASE_URL = envstr("VIDEO_MEETING_BASE_URL", "https://meet.jit.si").rstrip("/")
# Hours before an interview that the candidate is reminded, highest first.
INTERVIEW_REMINDER_HOURS = sorted(
    {int(h) for h in envlist("INTERVIEW_REMINDER_HOURS", ["24", "1"]) if h.strip().isdigit()},
    reverse=True,
)
# Interviewers get the kit link at this hour (local time) on the interview's day.
INTERVIEW_KIT_HOUR = envint("INTERVIEW_KIT_HOUR", 7)
# Largest one-way video answer, in megabytes (90 seconds of WebM is about 10).
VIDEO_ANSWER_MAX_BYTES = envint("VIDEO_ANSWER_MAX_MB", 60) * 1024 * 1024

# Onboarding. Fernet keys for new hires' bank and tax details (comma-separated,
# the first encrypts; empty: a key derived from SECRET_KEY). Details not
# handed over to payroll are erased this many days after the start date.
ONBOARDING_KEYS = envlist("ONBOARDING_KEYS", [])
ONBOARDING_PAY_DETAILS_DAYS = envint("ONBOARDING_PAY_DETAILS_DAYS", 30)
# Checklist owners are reminded this many working days before a task is due.
ONBOARDING_REMINDER_DAYS = envint("ONBOARDING_REMINDER_DAYS", 2)

# --- Staff accounts (django-allauth) ---------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_ADAPTER = "rekryt.accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "rekryt.accounts.adapter.SocialAccountAdapter"
MFA_ADAPTER = "rekryt.accounts.adapter.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
# Same answers whether or not an account exists; no mail to unknown addresses.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# The session cookie ends with the browser; the server ends it sooner (idle).
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SECURE else "http"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
LOGIN_FAILURES_LIMIT = envint("LOGIN_FAILURES_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", 15)
ACCOUNT_RATE_LIMITS = {
    # Wrong passwords are counted in the database by rekryt.accounts.lockout
    # (per account and address, and per address); allauth uses this rate for
    # wrong two-factor codes, per account.
    "login_failed": f"30/10m/ip,{LOGIN_FAILURES_LIMIT}/{LOGIN_LOCKOUT_MINUTES}m/key",
    # Counted in the database by rekryt.accounts.password_reset instead.
    "reset_password": "",
}
ACCOUNT_FORMS = {"reset_password": "rekryt.accounts.password_reset.ResetPasswordForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# Passkeys need https, except on a developer's own machine.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Single sign-on with OpenID Connect, only when configured (.env.example).
OIDC_NAME = envstr("OIDC_NAME", "Single sign-on")
OIDC_SERVER_URL = envstr("OIDC_SERVER_URL")
OIDC_CLIENT_ID = envstr("OIDC_CLIENT_ID")
OIDC_CLIENT_SECRET = envstr("OIDC_CLIENT_SECRET")
OIDC_ALLOWED_DOMAINS = [d.lower() for d in envlist("OIDC_ALLOWED_DOMAINS", [])]
SOCIALACCOUNT_PROVIDERS: dict = {"openid_connect": {"APPS": []}}
if OIDC_SERVER_URL and OIDC_CLIENT_ID:
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"] = [
        {
            "provider_id": "sso",
            "name": OIDC_NAME,
            "client_id": OIDC_CLIENT_ID,
            "secret": OIDC_CLIENT_SECRET,
            "settings": {
                "server_url": OIDC_SERVER_URL,
                "oauth_pkce_enabled": True,
                # Providers that send no email_verified claim (Entra ID) can
                # be trusted for the addresses they manage.
                **({"verified_email": True} if envbool("OIDC_TRUST_EMAIL", False) else {}),
            },
        }
    ]
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False

# --- Security --------------------------------------------------------------
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Staff are logged out after this long without a request, and after
# SESSION_MAX_HOURS whatever they do (rekryt.accounts.middleware). The
# candidate portal keeps its own, separate expiry (rekryt.candidates.portal_session).
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 60)
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60
SESSION_SAVE_EVERY_REQUEST = False
SECURE_SSL_REDIRECT = SECURE and envbool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a decision for the operator, not a default.
    "security.W021",
]

# One handler for everything, which masks URL secrets, typed search terms and
# email addresses (rekryt.lib.logs). Django's own handlers are replaced so no
# record reaches the console around the filter (with DEBUG on, Django would
# print "Not Found: /portal/t/<token>/" as it is).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "rekryt.lib.logs.RedactingFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO"},
    },
}
