"""Serve the dashboard from several Streamlit processes behind nginx, on one address, under supervisord.

    make serve WORKERS=4        # http://127.0.0.1:8080, four app processes; returns once all answer
    make serve-status           # supervisorctl status: every process, its pid and uptime
    make serve-stop             # stops everything; the logs stay in var/log/

supervisord (PyPI `supervisor`, run as the ordinary user who starts it) keeps N `streamlit run app.py` processes
on free loopback ports and nginx (Debian's /usr/sbin/nginx) running: a process that dies is started again
(autorestart, start retries), and an event listener (deploy/gezondheid.py) restarts a worker whose health URL stops
answering. Configs are generated into var/serve/ (nginx from deploy/nginx.conf.j2: sticky sessions per browser
cookie, websockets, security headers, temp folders writable also when started as root); every log goes to
var/log/, rotated at 10 MB. No system config file is read or written. `cluster()` is the same set-up in the
foreground as a context manager, for tests and bench/bench_load.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy import start_app  # noqa: E402
from reb_maps import labels  # noqa: E402
from reb_maps.cli import DutchFormatter, DutchParser, poort  # noqa: E402

TEMPLATE = Path(__file__).with_name("nginx.conf.j2")
STICKY_COOKIE = "reb_werker"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")
START_TIMEOUT = 90.0
VAR = ROOT / "var"
LOG_MAX, LOG_BACKUPS = "10MB", 5  # per log file: rotated at 10 MB, five old files kept
NGINX_TEMP = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


class ServeError(RuntimeError):
    """A Dutch message for the user: nginx missing, a process that does not start."""


def nginx_path() -> str | None:
    found = os.environ.get("NGINX") or shutil.which("nginx")
    return found or next((p for p in NGINX_CANDIDATES if Path(p).exists()), None)


def tile_hosts() -> list[str]:
    """Origins of the basemap tiles, from the one list of basemaps."""
    hosts = []
    for bg in labels.ACHTERGRONDEN:
        if bg.tiles:
            parts = urllib.parse.urlsplit(bg.tiles)
            hosts.append(f"{parts.scheme}://{parts.netloc}")
    return list(dict.fromkeys(hosts))


# streamlit-folium's map frame: every st_folium map (Kaart, Zoekgebieden, Eigen data) is this one component.
MAP_FRAME_PATH = "/component/streamlit_folium.st_folium/"


def content_security_policy(map_frame: bool = False) -> str:
    """Only the app itself, plus images from the tile hosts.

    Scripts need 'unsafe-inline': the folium component receives the map as a script and runs it inline (checked
    in Chromium: without it the map stays empty). 'wasm-unsafe-eval' lets Streamlit's frontend compile its
    WebAssembly (Chromium reports a violation without it), nothing else. Styles: CSS-in-JS.

    `map_frame`: the policy of the map component's own frame, which also allows 'unsafe-eval'. streamlit-folium
    runs a feature group sent beside the map (the chosen municipality's outline and fit on the Kaart, the results
    on Zoekgebieden) with `eval`; blocked, it throws and the outline never appears. That frame already runs the
    map script it receives inline, so eval adds no new source of code: it runs text from the same server. The
    app's own pages keep eval blocked.
    """
    tiles = " ".join(tile_hosts())
    scripts = "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'" + (" 'unsafe-eval'" if map_frame else "")
    directives = (
        "default-src 'self'",
        scripts,
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {tiles}",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' blob: data:",
        "worker-src 'self' blob:",
        "media-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
    return "; ".join(directives)


def nginx_config(worker_ports: list[int], port: int, tmp: Path, address: str = "127.0.0.1") -> str:
    """nginx's config; `tmp` holds its pid and temp folders (logs go to supervisord, which rotates them)."""
    template = jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), keep_trailing_newline=True)
    return template.render(
        workers=worker_ports,
        port=port,
        tmp=tmp,
        address=address,
        cookie=STICKY_COOKIE,
        csp=content_security_policy(),
        csp_map_frame=content_security_policy(map_frame=True),
        map_frame_path=MAP_FRAME_PATH,
    )


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    url: str
    worker_urls: list[str]
    folder: Path  # serve/ (generated configs, socket, nginx temp folders) and log/ (every log, rotated)
    supervisord: subprocess.Popen | None  # None: a daemon started by `make serve`

    @property
    def logmap(self) -> Path:
        return self.folder / "log"

    @property
    def access_log(self) -> Path:
        return self.logmap / "nginx.log"

    @property
    def worker_pids(self) -> list[int]:
        return [supervisorctl_pid(self.folder, f"werker-{i}") for i in range(1, len(self.worker_urls) + 1)]

    def all_running(self) -> bool:
        return all(regel.split()[1] == "RUNNING" for regel in status(self.folder).splitlines() if regel.strip())


# ---------- supervisord: configuration, start, status, stop ----------


def _programma(naam: str, command: str, map_: Path, **extra) -> str:
    """One [program:…] with autorestart, start retries and a size-capped, rotated log that outlives a stop."""
    regels = {
        "command": command,
        "directory": str(ROOT),
        "autostart": "true",
        "autorestart": "true",
        "startsecs": "3",
        "startretries": "5",
        "stopasgroup": "true",
        "killasgroup": "true",
        "redirect_stderr": "true",
        "stdout_logfile": str(map_ / "log" / f"{naam}.log"),
        "stdout_logfile_maxbytes": LOG_MAX,
        "stdout_logfile_backups": str(LOG_BACKUPS),
        **extra,
    }
    return f"[program:{naam}]\n" + "".join(f"{k}={v}\n" for k, v in regels.items())


def _supervisor_omgeving(waarden: dict[str, str]) -> str:
    return ",".join(f'{k}="{v}"' for k, v in waarden.items())


def supervisord_config(map_: Path, ports: list[int], port: int, address: str, opwarmen: bool = True) -> str:
    """The whole set-up as one supervisord config: N workers, nginx and the health check (an event listener),
    which also warms every new worker process unless `opwarmen` is off (tests that do not need it)."""
    staat = map_ / "serve"
    omgeving = {
        # One cookie secret for all workers: a session's XSRF token stays valid whichever worker sees it.
        "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32),
        "PYTHONUNBUFFERED": "1",
    }
    env = _supervisor_omgeving(omgeving)
    # the workers' memory settings (deploy/start_app.py), for the workers only: nginx keeps its own allocator
    werker_env = _supervisor_omgeving(start_app.omgeving({**os.environ, **omgeving}, start_app.jemalloc()))
    delen = [
        "; Generated by deploy/serve.py; regenerated on every start. Status: make serve-status; stop: make serve-stop.",
        f"[supervisord]\nlogfile={map_ / 'log' / 'supervisord.log'}\nlogfile_maxbytes={LOG_MAX}\n"
        f"logfile_backups={LOG_BACKUPS}\npidfile={staat / 'supervisord.pid'}\nchildlogdir={map_ / 'log'}\n"
        f"directory={ROOT}\nenvironment={env}\n",
        f"[unix_http_server]\nfile={staat / 'supervisord.sock'}\nchmod=0700\n",
        f"[supervisorctl]\nserverurl=unix://{staat / 'supervisord.sock'}\n",
        "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n",
    ]
    for nummer, werker_poort in enumerate(ports, start=1):
        delen.append(
            _programma(
                f"werker-{nummer}",
                f"{sys.executable} -m streamlit run app.py --server.port {werker_poort} --server.address 127.0.0.1 "
                "--server.headless true --browser.gatherUsageStats false",
                map_,
                environment=werker_env,
            )
        )
    delen.append(
        _programma("nginx", f"{nginx_path()} -p {staat} -c {staat / 'nginx.conf'} -e stderr", map_, priority="900")
    )
    werkers = " ".join(f"werker-{i}={p}" for i, p in enumerate(ports, start=1)) + (" --opwarmen" if opwarmen else "")
    delen.append(
        f"[eventlistener:gezondheid]\ncommand={sys.executable} {Path(__file__).with_name('gezondheid.py')} {werkers}\n"
        f"events=TICK_5\nautorestart=true\nstdout_logfile=NONE\nstderr_logfile={map_ / 'log' / 'gezondheid.log'}\n"
        f"stderr_logfile_maxbytes={LOG_MAX}\nstderr_logfile_backups={LOG_BACKUPS}\n"
    )
    return "\n".join(delen)


def _bereid_voor(map_: Path, workers: int, port: int, address: str, opwarmen: bool = True) -> list[int]:
    """Write the configs into `map_`/serve, create the log and nginx temp folders; returns the worker ports."""
    staat, logs = map_ / "serve", map_ / "log"
    for folder in (staat, logs, *(staat / "nginx" / d for d in NGINX_TEMP)):
        folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # nginx started as root hands requests to workers running as 'nobody': they must be able to reach and
        # write their temp folders (an upload over ~16 kB is buffered there), whoever owns the rest.
        for folder in (map_, staat, staat / "nginx"):
            folder.chmod(folder.stat().st_mode | 0o011)
        geblokkeerd = [p for p in map_.resolve().parents if not p.stat().st_mode & 0o001]
        if geblokkeerd:
            raise ServeError(
                f"nginx (gestart als root) kan als 'nobody' niet bij {map_}: de map {geblokkeerd[0]} is voor anderen "
                "afgesloten. Geef die map o+x of kies met --map een andere plek."
            )
        nobody = pwd.getpwnam("nobody")
        for d in NGINX_TEMP:
            os.chown(staat / "nginx" / d, nobody.pw_uid, nobody.pw_gid)
    ports = [free_port() for _ in range(workers)]
    (staat / "nginx.conf").write_text(nginx_config(ports, port, staat, address), encoding="utf-8")
    (staat / "supervisord.conf").write_text(supervisord_config(map_, ports, port, address, opwarmen), encoding="utf-8")
    return ports


def _supervisor_bin(naam: str) -> str:
    pad = Path(sys.executable).with_name(naam)
    return str(pad) if pad.exists() else (shutil.which(naam) or naam)


def supervisorctl(map_: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_supervisor_bin("supervisorctl"), "-c", str(map_ / "serve" / "supervisord.conf"), *args],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def status(map_: Path) -> str:
    return supervisorctl(map_, "status").stdout


def supervisorctl_pid(map_: Path, naam: str) -> int:
    tekst = supervisorctl(map_, "pid", naam).stdout.strip()
    return int(tekst) if tekst.isdigit() else 0


def _wacht_tot_gezond(urls: list[tuple[str, str]], proc: subprocess.Popen | None, map_: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    for url, wat in urls:
        while True:
            if proc is not None and proc.poll() is not None:
                raise ServeError(f"supervisord stopte meteen (code {proc.returncode}); zie {map_ / 'log'}.")
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise ServeError(f"{wat} antwoordde niet binnen {START_TIMEOUT:.0f} s op {url}; zie {map_ / 'log'}.")
            time.sleep(0.3)


def _controleer(workers: int) -> None:
    if nginx_path() is None:
        raise ServeError("nginx ontbreekt: installeer het met 'apt-get install nginx'.")
    if workers < 1:
        raise ServeError("Er is minstens één werker nodig.")


def _adressen(ports: list[int], port: int, address: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    host = "127.0.0.1" if address in ("0.0.0.0", "::") else address
    url = f"http://{host}:{port}"
    worker_urls = [f"http://127.0.0.1:{p}" for p in ports]
    checks = [(f"{u}/_stcore/health", f"App-proces {i}") for i, u in enumerate(worker_urls, start=1)]
    return url, worker_urls, [*checks, (f"{url}/_stcore/health", "nginx")]


@contextlib.contextmanager
def cluster(workers: int, port: int | None = None, address: str = "127.0.0.1", map_: Path | None = None,
            opwarmen: bool = False) -> Iterator[Cluster]:  # fmt: skip
    """The `make serve` set-up (supervisord with N workers, nginx and the health check) in the foreground, for
    tests and benches: everything stops when the block ends. `map_`: where configs and logs go (default: a
    temporary folder). `opwarmen`: warm new workers as `make serve` does (off: no background load in tests)."""
    _controleer(workers)
    port = port or free_port(address)
    with contextlib.ExitStack() as stapel:
        if map_ is None:
            map_ = Path(stapel.enter_context(tempfile.TemporaryDirectory(prefix="reb-serve-")))
            map_.chmod(0o755)  # our own folder in /tmp: reachable for nginx's worker user (see _bereid_voor)
        map_ = Path(map_)
        ports = _bereid_voor(map_, workers, port, address, opwarmen)
        conf = map_ / "serve" / "supervisord.conf"
        proc = subprocess.Popen([_supervisor_bin("supervisord"), "-n", "-c", str(conf)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            url, worker_urls, checks = _adressen(ports, port, address)
            _wacht_tot_gezond(checks, proc, map_)
            yield Cluster(url, worker_urls, map_, proc)
        finally:
            if proc.poll() is None:
                proc.terminate()  # supervisord stops its programs (and their process groups) in order
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)


def start(workers: int, port: int, address: str, map_: Path = VAR) -> Cluster:
    """`make serve`: supervisord as a daemon (an ordinary user's, config in var/serve/); returns once healthy."""
    _controleer(workers)
    if (map_ / "serve" / "supervisord.sock").exists() and supervisorctl(map_, "pid").returncode == 0:
        raise ServeError("Het dashboard draait al; zie 'make serve-status', stoppen met 'make serve-stop'.")
    ports = _bereid_voor(map_, workers, port, address)
    uit = subprocess.run([_supervisor_bin("supervisord"), "-c", str(map_ / "serve" / "supervisord.conf")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    if uit.returncode != 0:
        raise ServeError(f"supervisord startte niet: {(uit.stderr or uit.stdout).strip()[:300]}")
    url, worker_urls, checks = _adressen(ports, port, address)
    _wacht_tot_gezond(checks, None, map_)
    return Cluster(url, worker_urls, map_, None)


def stop(map_: Path = VAR) -> bool:
    """Stop supervisord and everything under it; the logs in var/log/ stay. False when nothing was running."""
    if not (map_ / "serve" / "supervisord.conf").exists():
        return False
    uit = supervisorctl(map_, "shutdown")
    if uit.returncode != 0:
        return False
    deadline = time.monotonic() + 60
    while (map_ / "serve" / "supervisord.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog="serve",
        description="Het dashboard in meerdere processen achter nginx, onder supervisord (automatisch herstarten, "
        "gezondheidscontrole, logbestanden in var/log/).",
        formatter_class=DutchFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="deze hulptekst tonen en stoppen")
    parser.add_argument("opdracht", nargs="?", choices=("start", "status", "stop"), default="start",
                        help="start (standaard), status of stop")  # fmt: skip
    parser.add_argument("--werkers", type=_positive, default=2, help="aantal app-processen (standaard 2)")
    parser.add_argument("--poort", type=poort, default=8080, help="poort van nginx (standaard 8080)")
    parser.add_argument(
        "--adres", default="127.0.0.1", help="adres van nginx: 127.0.0.1 (alleen deze computer, standaard) of 0.0.0.0"
    )
    parser.add_argument("--map", type=Path, default=VAR, help="map voor configuratie en logbestanden (standaard var/)")
    args = parser.parse_args(argv)
    try:
        if args.opdracht == "status":
            if not (args.map / "serve" / "supervisord.conf").exists():
                print("Het dashboard draait niet (nog nooit gestart met make serve).")
                return 3
            uit = supervisorctl(args.map, "status")
            draait = uit.returncode in (0, 3) and "no such file" not in uit.stdout and "refused" not in uit.stdout
            print(uit.stdout.strip() if draait else "Het dashboard draait niet.")
            print(f"Logbestanden: {args.map / 'log'}")
            return 0 if uit.returncode == 0 else 3
        if args.opdracht == "stop":
            gestopt = stop(args.map)
            print("Gestopt; de logbestanden blijven in " + str(args.map / "log") if gestopt
                  else "Het dashboard draaide niet.")  # fmt: skip
            return 0
        running = start(args.werkers, args.poort, args.adres, args.map)
    except ServeError as exc:
        print(f"serve: fout: {exc}", file=sys.stderr)
        return 2
    print(f"Dashboard: {running.url} ({args.werkers} processen achter nginx, onder supervisord).")
    print("Status: make serve-status   Stoppen: make serve-stop   Logbestanden: " + str(running.logmap))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _bad(f"'{text}' is geen geheel getal") from None
    if not 1 <= value <= 32:
        raise _bad(f"'{text}': kies 1 tot en met 32 werkers")
    return value


def _bad(message: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(message)


if __name__ == "__main__":
    sys.exit(main())
