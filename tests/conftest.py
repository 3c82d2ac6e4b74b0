"""Shared fixtures: the two workspace backends behind one parameter, and a workspace file of the tests' own.

`werkruimte_url` gives each test a fresh, empty database: an SQLite file in the test's temp folder, or a new
database in the throw-away PostGIS cluster whose admin URL is in REB_TEST_POSTGIS_URL (.ci/run starts it with
`python tests/pg_cluster.py start DIR`). Without that variable the PostGIS half skips with the reason — except in
CI (CI=true or REQUIRE_BROWSER=1), where a missing database is a failure, not a skip.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

POSTGIS_OMGEVING = "REB_TEST_POSTGIS_URL"
REDEN = (
    "PostGIS-tests overgeslagen: REB_TEST_POSTGIS_URL is niet gezet (zie .ci/run: python tests/pg_cluster.py start DIR)"
)

# Nothing a test (or an app server it starts) saves may land in the project's own var/werkruimte.sqlite.
_EIGEN = Path(tempfile.mkdtemp(prefix="reb-tests-"))
os.environ.setdefault("REB_WERKRUIMTE", str(_EIGEN / "werkruimte.sqlite"))


def _verplicht() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true"


def nieuwe_postgis_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    """A new empty database in the cluster: (its URL, a function that drops it)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    naam = f"werkruimte_{uuid.uuid4().hex[:10]}"
    beheer = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.execute(text(f'CREATE DATABASE "{naam}"'))
    url = make_url(admin_url).set(database=naam).render_as_string(hide_password=False)

    def opruimen() -> None:
        with beheer.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()

    return url, opruimen


@pytest.fixture(scope="session")
def postgis_admin_url() -> str:
    url = os.environ.get(POSTGIS_OMGEVING)
    if not url:
        if _verplicht():
            pytest.fail(REDEN)
        pytest.skip(REDEN)
    return url


@pytest.fixture(params=["sqlite", "postgis"])
def werkruimte_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/werkruimte.sqlite"
        return
    admin = request.getfixturevalue("postgis_admin_url")
    url, opruimen = nieuwe_postgis_database(admin)
    try:
        yield url
    finally:
        opruimen()


def pytest_collection_modifyitems(config, items):
    """With pytest-xdist (`make test` runs two workers): the browser tests form one group on one worker, one after
    the other, so at most one real app + Chromium pair competes with the other worker's unit tests for the CPU."""
    for item in items:
        if "browser" in item.path.parts or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
