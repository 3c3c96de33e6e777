import pytest

from rekryt.campaigns.feeds import forget_fragments


@pytest.fixture(autouse=True)
def _forget_rendered_feed_jobs():
    """Each test starts with an empty memory of rendered feed jobs, as it
    starts with an empty cache (the root conftest)."""
    forget_fragments()
