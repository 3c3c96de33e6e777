"""Settings for the test suite: production settings with a throw-away DATA_DIR."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DEBUG", "false")
os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="rekryt-test-")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# Tests read English source strings; the Swedish catalogue has its own test.
os.environ["LANGUAGE_CODE"] = "en"

from rekryt.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"] == "rekryt.lib.sqlite":  # noqa: F405
    # A file, not memory: browser tests' live server then has its own
    # connection instead of sharing the test thread's, so a query from the
    # test can never run inside the server's transaction.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["DATA_DIR"], "test.sqlite3")}  # noqa: F405
