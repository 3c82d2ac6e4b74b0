"""Serve the dashboard from several Streamlit processes behind nginx, on one address.

    make serve WORKERS=4                       # http://127.0.0.1:8080, four app processes
    .venv/bin/python deploy/serve.py --werkers 4 --poort 8080 [--adres 0.0.0.0]

Starts N `streamlit run app.py` processes on free loopback ports and nginx (Debian's /usr/sbin/nginx, as an
ordinary user) with a config generated from deploy/nginx.conf.j2 in a temporary folder: sticky sessions per
browser cookie, websockets, and the security headers. No system config file is read or written. Ctrl-C stops
everything. `cluster()` is the same set-up as a context manager, for tests and bench/bench_load.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
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

from reb_maps import labels  # noqa: E402
from reb_maps.cli import DutchFormatter, DutchParser  # noqa: E402

TEMPLATE = Path(__file__).with_name("nginx.conf.j2")
STICKY_COOKIE = "reb_werker"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")
START_TIMEOUT = 90.0


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


def content_security_policy() -> str:
    """Only the app itself, plus images from the tile hosts.

    Scripts need 'unsafe-inline': the folium component receives the map as a script and runs it inline (checked
    in Chromium: without it the map stays empty; 'unsafe-eval' is not needed). 'wasm-unsafe-eval' lets Streamlit's
    frontend compile its WebAssembly (Chromium reports a violation without it), nothing else. Styles: CSS-in-JS.
    """
    tiles = " ".join(tile_hosts())
    directives = (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
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
    template = jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), keep_trailing_newline=True)
    return template.render(
        workers=worker_ports, port=port, tmp=tmp, address=address, cookie=STICKY_COOKIE, csp=content_security_policy()
    )


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, what: str, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServeError(f"{what} stopte meteen (code {proc.returncode}); zie het logbestand.")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise ServeError(f"{what} antwoordde niet binnen {timeout:.0f} s op {url}.")


@dataclass
class Cluster:
    url: str
    worker_urls: list[str]
    worker_pids: list[int]
    nginx_pid: int
    folder: Path  # config and logs: nginx.conf, access.log, error.log, worker-N.log
    processes: list[subprocess.Popen]

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    def all_running(self) -> bool:
        return all(proc.poll() is None for proc in self.processes)


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextlib.contextmanager
def cluster(workers: int, port: int | None = None, address: str = "127.0.0.1") -> Iterator[Cluster]:
    """N app processes on loopback ports plus nginx on address:port; everything stops when the block ends."""
    nginx = nginx_path()
    if nginx is None:
        raise ServeError("nginx ontbreekt: installeer het met 'apt-get install nginx'.")
    if workers < 1:
        raise ServeError("Er is minstens één werker nodig.")
    port = port or free_port(address)
    procs: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory(prefix="reb-serve-") as folder:
        tmp = Path(folder)
        env = dict(os.environ)
        # One cookie secret for all workers: a session's XSRF token stays valid whichever worker sees it.
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
        try:
            ports = [free_port() for _ in range(workers)]
            for number, worker_port in enumerate(ports, start=1):
                log = (tmp / f"worker-{number}.log").open("w")
                cmd = [
                    sys.executable, "-m", "streamlit", "run", "app.py",
                    "--server.port", str(worker_port), "--server.address", "127.0.0.1",
                    "--server.headless", "true", "--browser.gatherUsageStats", "false",
                ]  # fmt: skip
                procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
            for number, (proc, worker_port) in enumerate(zip(procs, ports, strict=True), start=1):
                wait_http(f"http://127.0.0.1:{worker_port}/_stcore/health", proc, f"App-proces {number}")
            config = tmp / "nginx.conf"
            config.write_text(nginx_config(ports, port, tmp, address), encoding="utf-8")
            cmd = [nginx, "-p", str(tmp), "-c", str(config), "-e", str(tmp / "error.log")]
            proxy = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=(tmp / "nginx.log").open("w"))
            procs.append(proxy)
            host = "127.0.0.1" if address in ("0.0.0.0", "::") else address
            url = f"http://{host}:{port}"
            wait_http(f"{url}/_stcore/health", proxy, "nginx")
            worker_urls = [f"http://127.0.0.1:{p}" for p in ports]
            yield Cluster(url, worker_urls, [p.pid for p in procs[:-1]], proxy.pid, tmp, procs)
        finally:
            _stop(procs)


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog="serve",
        description="Start het dashboard in meerdere processen achter nginx (sticky sessies, beveiligingsheaders).",
        formatter_class=DutchFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="deze hulptekst tonen en stoppen")
    parser.add_argument("--werkers", type=_positive, default=2, help="aantal app-processen (standaard 2)")
    parser.add_argument("--poort", type=_port, default=8080, help="poort van nginx (standaard 8080)")
    parser.add_argument(
        "--adres", default="127.0.0.1", help="adres van nginx: 127.0.0.1 (alleen deze computer, standaard) of 0.0.0.0"
    )
    args = parser.parse_args(argv)
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    try:
        with cluster(args.werkers, args.poort, args.adres) as running:
            print(f"Dashboard: {running.url} ({args.werkers} processen achter nginx). Stoppen: Ctrl-C.", flush=True)
            while not stop["now"]:
                time.sleep(0.5)
                if not running.all_running():
                    print(f"Een proces is gestopt; zie de logbestanden in {running.folder}.", file=sys.stderr)
                    return 1
    except KeyboardInterrupt:
        pass
    except ServeError as exc:
        print(f"serve: fout: {exc}", file=sys.stderr)
        return 2
    print("Gestopt.")
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _bad(f"'{text}' is geen geheel getal") from None
    if not 1 <= value <= 32:
        raise _bad(f"'{text}': kies 1 tot en met 32 werkers")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _bad(f"'{text}' is geen poortnummer") from None
    if not 1 <= value <= 65535:
        raise _bad(f"'{text}': een poort ligt tussen 1 en 65535")
    return value


def _bad(message: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(message)


if __name__ == "__main__":
    sys.exit(main())
