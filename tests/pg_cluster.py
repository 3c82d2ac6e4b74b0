"""A throw-away PostgreSQL + PostGIS cluster for the tests: loopback only, in a temporary folder, as a normal user.

    python tests/pg_cluster.py start DIR   # initdb + start; prints the admin URL (postgresql+psycopg://…/postgres)
    python tests/pg_cluster.py stop DIR    # stop and remove DIR

PostgreSQL refuses to run as root: as root the cluster runs as the user `nobody` (DIR is handed to it). It
listens on 127.0.0.1 on a free port, with its socket inside DIR; local connections are trusted (a throw-away
cluster that nothing else can reach), fsync is off (speed; nothing here must survive a crash).
Standard library only, so .ci/run can call it before the project's venv exists.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

GEBRUIKER = "rebtest"


def _bin(naam: str) -> str:
    kandidaten = []
    if shutil.which("pg_config"):
        uit = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        kandidaten.append(Path(uit) / naam)
    kandidaten += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{naam}"), reverse=True)
    for pad in kandidaten:
        if pad.exists():
            return str(pad)
    raise SystemExit(f"pg_cluster: {naam} niet gevonden (apt-get install postgresql-15-postgis-3)")


def _als_gebruiker(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "nobody", "--", *cmd] if os.geteuid() == 0 else cmd


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(map_: Path) -> str:
    if not list(Path("/usr/share/postgresql").glob("*/extension/postgis.control")):
        raise SystemExit("pg_cluster: PostGIS ontbreekt (apt-get install postgresql-15-postgis-3)")
    map_.mkdir(parents=True, exist_ok=True)
    data = map_ / "data"
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(map_, nobody.pw_uid, nobody.pw_gid)
        map_.chmod(0o700)
    poort = _vrije_poort()
    subprocess.run(
        _als_gebruiker(
            [_bin("initdb"), "-D", str(data), "-U", GEBRUIKER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    opties = (
        f"-c listen_addresses=127.0.0.1 -c port={poort} -c unix_socket_directories={map_} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _als_gebruiker(
            [_bin("pg_ctl"), "-D", str(data), "-l", str(map_ / "postgres.log"), "-o", opties, "-w", "-t", "60", "start"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    psql = shutil.which("psql") or _bin("psql")
    for _ in range(50):
        klaar = subprocess.run(
            [
                psql,
                "-h",
                "127.0.0.1",
                "-p",
                str(poort),
                "-U",
                GEBRUIKER,
                "-d",
                "postgres",
                "-tAc",
                "CREATE DATABASE postgis_proef; ",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if klaar.returncode == 0:
            break
        time.sleep(0.2)
    proef = subprocess.run(
        [
            psql,
            "-h",
            "127.0.0.1",
            "-p",
            str(poort),
            "-U",
            GEBRUIKER,
            "-d",
            "postgis_proef",
            "-tAc",
            "CREATE EXTENSION postgis; SELECT PostGIS_Lib_Version();",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proef.returncode != 0:
        stop(map_)
        raise SystemExit(f"pg_cluster: PostGIS werkt niet in het cluster: {proef.stderr.strip()[:200]}")
    return f"postgresql+psycopg://{GEBRUIKER}@127.0.0.1:{poort}/postgres"


def stop(map_: Path) -> None:
    data = map_ / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _als_gebruiker([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
    shutil.rmtree(map_, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"start", "stop"}:
        print("gebruik: python tests/pg_cluster.py start|stop MAP", file=sys.stderr)
        return 2
    map_ = Path(argv[1]).resolve()
    if argv[0] == "start":
        print(start(map_))
    else:
        stop(map_)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
