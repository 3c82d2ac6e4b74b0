"""Warm a freshly started app process: run the pages every first visitor asks for, before visitors do.

A new process builds each map and chart the first time a session asks for it (seconds on a 2-core machine);
twenty aldermen arriving together would all wait for that. This client opens Streamlit's own websocket
(`/_stcore/stream`, as a browser tab does), asks for Kaart and Gemeenten for Twente and for each municipality and
reads until each run has finished, so the process caches (the map per indicator, the figures per selection) are
filled. It is started by the health listener (deploy/gezondheid.py) for every new worker process, in the
background: a visitor who arrives meanwhile is served as usual.

Also the protocol helpers of bench/bench_load.py.
Run by hand: python deploy/opwarmen.py PORT [--wacht S]; in Kubernetes the Deployment's postStart hook runs it
with --wacht, so a new pod reports ready only once it is warm.
"""

from __future__ import annotations

import asyncio
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script (supervisord, Kubernetes): the app's packages beside it

from reb_maps import geheugen  # noqa: E402
from reb_maps.cli import DutchParser, poort  # noqa: E402
from reb_maps.data import GEMEENTEN  # noqa: E402

URL_PATHS = {"kaart": "", "gemeenten": "gemeenten"}  # Kaart is the default page: the bare link opens it
RUN_TIMEOUT = 180.0  # seconds for one page run, however loaded the machine
CONNECT_TIMEOUT = 30.0
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def stream_url(base: str) -> str:
    parts = urllib.parse.urlsplit(base)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"Alleen loopback-adressen: {parts.hostname}")
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


def rerun(page: str, query: str) -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = URL_PATHS[page]  # a direct link: the server resolves the url_path
    return msg.SerializeToString()


async def run_page(ws, page: str, query: str, problem_in=lambda _fwd: None) -> tuple[float, str | None]:
    """Seconds from the rerun request to script_finished, and the first problem seen (or None)."""
    start = time.perf_counter()
    await ws.send(rerun(page, query))
    problem = None
    deadline = start + RUN_TIMEOUT
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return time.perf_counter() - start, f"{page}: geen script_finished binnen {RUN_TIMEOUT:.0f} s"
        fwd = ForwardMsg()
        fwd.ParseFromString(await asyncio.wait_for(ws.recv(), remaining))
        kind = fwd.WhichOneof("type")
        problem = problem or problem_in(fwd)
        if kind == "page_not_found":
            problem = problem or f"{page}: pagina niet gevonden"
        if kind == "script_finished":
            if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # the app reran itself (e.g. st.rerun); the page run goes on
            if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                problem = problem or f"{page}: script_finished status {fwd.script_finished}"
            return time.perf_counter() - start, problem


def connect(url: str):
    return websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, open_timeout=CONNECT_TIMEOUT, ping_interval=None
    )


async def warm(base_url: str) -> list[str]:
    """Kaart and Gemeenten for Twente and every municipality, one session; returns the problems (empty: warm)."""
    problems = []
    async with connect(stream_url(base_url)) as ws:
        for query in ["", *(f"gemeente={urllib.parse.quote(g)}" for g in GEMEENTEN)]:
            for page in URL_PATHS:
                _seconds, problem = await run_page(ws, page, query)
                if problem:
                    problems.append(problem)
        # Done: the process may now take its shared data out of the garbage collector's way (reb_maps.geheugen)
        _seconds, problem = await run_page(ws, "gemeenten", f"{geheugen.OPGEWARMD_PARAM}=1")
        if problem:
            problems.append(problem)
    return problems


def wacht_op_gezond(base_url: str, seconden: float) -> bool:
    """Wait until the process answers its health URL (it may still be starting); False after `seconden`."""
    einde = time.monotonic() + seconden
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=3) as antwoord:
                if antwoord.status == 200:
                    return True
        except OSError:
            pass
        if time.monotonic() > einde:
            return False
        time.sleep(0.5)


def main(argv: list[str]) -> int:
    parser = DutchParser(prog="opwarmen", description="Warm een net gestart app-proces op (Kaart en Gemeenten).")
    parser.add_argument("poort", type=poort, help="poort van het app-proces op 127.0.0.1")
    parser.add_argument(
        "--wacht", type=float, default=0, metavar="S", help="eerst tot S seconden wachten tot het proces antwoordt"
    )
    args = parser.parse_args(argv)
    url = f"http://127.0.0.1:{args.poort}"
    start = time.perf_counter()
    if args.wacht and not wacht_op_gezond(url, args.wacht):
        print(f"Poort {args.poort} antwoordt niet binnen {args.wacht:g} s: niet opgewarmd", file=sys.stderr)
        return 1
    try:
        problems = asyncio.run(warm(url))
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        print(f"Opwarmen van poort {args.poort} mislukt: het proces antwoordt niet ({type(exc).__name__}).",
              file=sys.stderr)  # fmt: skip
        return 1
    for problem in problems:
        print(f"Opwarmen van poort {args.poort}: {problem}", file=sys.stderr)
    print(f"Poort {args.poort} opgewarmd in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
