"""Load bench: N concurrent sessions over Streamlit's own websocket protocol, each running Kaart then Gemeenten.

Every session opens `/_stcore/stream` like a browser tab does, sends a protobuf `BackMsg` with `rerun_script`
(the page addressed by its url_path, as a direct link does) and reads `ForwardMsg`s until `script_finished`.
The time from request to `script_finished` is one page run. Prints p50/p95 per page and N, errors (a run that
did not finish, timed out, or showed an exception or the app's error message) and the server's RSS
(VmRSS from /proc, summed over the worker processes).

Run:  .venv/bin/python bench/bench_load.py                    # starts `streamlit run app.py` on a free port
      .venv/bin/python bench/bench_load.py --workers 2        # 2 app processes behind nginx (deploy/serve.py)
      .venv/bin/python bench/bench_load.py --url http://127.0.0.1:8080 [--pids 123,456]
      .venv/bin/python bench/bench_load.py --overleg 20         # 20 sessions, own municipality each, cold then warm
Loopback only; every wait is bounded, so it always stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy import opwarmen, start_app  # noqa: E402
from reb_maps import labels  # noqa: E402
from reb_maps.data import GEMEENTEN  # noqa: E402

PAGES = tuple(opwarmen.URL_PATHS)
RUN_TIMEOUT = opwarmen.RUN_TIMEOUT
stream_url = opwarmen.stream_url


@dataclass
class Results:
    seconds: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PAGES})
    errors: list[str] = field(default_factory=list)


def rss_mb(pids: list[int]) -> float | None:
    """Resident memory of the given processes in MB (VmRSS in /proc/PID/status), None if unknown."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            return None
    return total / 1024 if pids else None


def cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU time of the given processes (/proc/PID/stat): load-independent cost of the runs."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK") if pids else None


def problem_in(fwd: ForwardMsg) -> str | None:
    """An exception element or the app's own error message in a delta, else None."""
    if fwd.WhichOneof("type") != "delta" or fwd.delta.WhichOneof("type") != "new_element":
        return None
    element = fwd.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        return f"exception: {element.exception.type}: {element.exception.message[:200]}"
    if kind == "alert" and labels.FOUTMELDING in element.alert.body:
        return "foutmelding van de app"
    return None


async def run_page(ws, page: str, query: str) -> tuple[float, str | None]:
    return await opwarmen.run_page(ws, page, query, problem_in)


async def session(url: str, query: str, start: asyncio.Event, done: asyncio.Event, results: Results) -> None:
    """One visitor: connect, wait for the others, run Kaart then Gemeenten, stay connected until all are done."""
    try:
        async with opwarmen.connect(url) as ws:
            await start.wait()
            for page in PAGES:
                seconds, problem = await run_page(ws, page, query)
                if problem:
                    results.errors.append(problem)
                else:
                    results.seconds[page].append(seconds)
            await done.wait()  # memory is read while every session is still open
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        results.errors.append(f"verbinding: {type(exc).__name__}: {exc}")


async def round_of(url: str, n: int, queries: list[str], pids: list[int]) -> tuple[Results, float | None, float | None]:
    results = Results()
    cpu_before = cpu_seconds(pids)
    start, done = asyncio.Event(), asyncio.Event()
    tasks = [asyncio.create_task(session(url, queries[i % len(queries)], start, done, results)) for i in range(n)]
    await asyncio.sleep(0.5)  # let every session connect before the runs start together
    start.set()
    while sum(len(s) for s in results.seconds.values()) + len(results.errors) < n * len(PAGES):
        if all(t.done() for t in tasks):
            break
        await asyncio.sleep(0.1)
    memory = rss_mb(pids)
    cpu_after = cpu_seconds(pids)
    done.set()
    await asyncio.wait_for(asyncio.gather(*tasks), RUN_TIMEOUT)
    cpu = None if cpu_before is None or cpu_after is None else (cpu_after - cpu_before) / n
    return results, memory, cpu


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(base_url: str, counts: list[int], pids: list[int], spread: bool, warm_urls: list[str]) -> list[dict]:
    url = stream_url(base_url)
    gemeenten = [""] + [f"gemeente={urllib.parse.quote(g)}" for g in GEMEENTEN] if spread else [""]
    # Warm-up: a first visitor per process fills its caches (tables, layers, static files).
    for warm in warm_urls:
        asyncio.run(round_of(stream_url(warm), 1, [""], []))
    rows = []
    base_rss = rss_mb(pids)
    print(f"RSS na opwarmen: {fmt_mb(base_rss)}", flush=True)
    for n in counts:
        results, memory, cpu = asyncio.run(round_of(url, n, gemeenten, pids))
        row = {"n": n, "errors": results.errors, "rss": memory, "base_rss": base_rss, "cpu": cpu}
        for page in PAGES:
            row[page] = (pct(results.seconds[page], 0.5), pct(results.seconds[page], 0.95))
        rows.append(row)
        extra = (memory - base_rss) / max(n - 1, 1) if memory and base_rss else None
        print(
            f"N={n:>2}  "
            + "  ".join(f"{p}: p50 {row[p][0]:.2f} s / p95 {row[p][1]:.2f} s" for p in PAGES)
            + f"  fouten {len(results.errors)}  RSS {fmt_mb(memory)}"
            + (f" ({extra:+.1f} MB per extra sessie)" if extra is not None else "")
            + (f"  server-CPU {cpu * 1000:.0f} ms per sessie" if cpu is not None else ""),
            flush=True,
        )
        for error in sorted(set(results.errors))[:5]:
            print(f"    {error}")
    return rows


def overleg(base_url: str, n: int, pids: list[int], opwarmen_eerst: bool = False) -> None:
    """A bestuurlijk overleg: n sessions at once, each on its own municipality (the 14 cycled), first on a process
    that has just started (nothing cached; with `opwarmen_eerst` after deploy/opwarmen.py, as `make serve` and
    the Kubernetes postStart hook do before visitors come), then the same n again (warm)."""
    url = stream_url(base_url)
    if opwarmen_eerst:
        start = time.perf_counter()
        problems = asyncio.run(opwarmen.warm(base_url))
        print(f"opgewarmd in {time.perf_counter() - start:.1f} s, problemen: {problems or 'geen'}", flush=True)
    queries = [f"gemeente={urllib.parse.quote(g)}" for g in GEMEENTEN]
    for ronde in ("koud", "warm"):
        results, memory, cpu = asyncio.run(round_of(url, n, queries, pids))
        print(
            f"overleg {ronde:<4} N={n:>2}, {min(n, len(queries))} gemeenten  "
            + "  ".join(
                f"{p}: p50 {pct(results.seconds[p], 0.5):.2f} s / p95 {pct(results.seconds[p], 0.95):.2f} s"
                for p in PAGES
            )
            + f"  fouten {len(results.errors)}  RSS {fmt_mb(memory)}"
            + (f"  server-CPU {cpu * 1000:.0f} ms per sessie" if cpu is not None else ""),
            flush=True,
        )
        for error in sorted(set(results.errors))[:5]:
            print(f"    {error}")


def fmt_mb(value: float | None) -> str:
    return "onbekend" if value is None else f"{value:.0f} MB"


@contextlib.contextmanager
def own_server(workers: int):
    """The app on a free loopback port: one Streamlit process, or several behind nginx."""
    if workers > 1:
        from deploy import serve

        with serve.cluster(workers) as running:
            yield running.url, running.worker_pids, running.worker_urls
        return
    from tests.browser.conftest import free_port, start_streamlit, wait_healthy

    port = free_port()
    logs = ROOT / "bench" / "out"
    logs.mkdir(exist_ok=True)
    # as `make run` starts it (deploy/start_app.py: the memory settings)
    proc = start_streamlit("app.py", port, logs / "load.log", env=start_app.omgeving({}, start_app.jemalloc()))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, [proc.pid], [url]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except Exception:
            proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="een draaiende server (bijv. de proxy); anders start de bench de app zelf")
    parser.add_argument("--pids", default="", help="proces-id's van de app-processen voor het geheugen, met komma's")
    parser.add_argument("--workers", type=int, default=1, help="zelf N app-processen achter nginx starten")
    parser.add_argument("--n", default="1,5,10,20", help="aantallen gelijktijdige sessies")
    parser.add_argument("--spreiding", action="store_true", help="elke sessie een andere gemeente (koude caches)")
    parser.add_argument(
        "--overleg", type=int, metavar="N", help="alleen het overleg: N sessies, elk een eigen gemeente, koud en warm"
    )
    parser.add_argument("--opwarmen", action="store_true", help="overleg: eerst opwarmen zoals make serve doet")
    args = parser.parse_args()
    counts = [int(x) for x in args.n.split(",") if x.strip()]
    if args.overleg:
        with own_server(args.workers) as (url, pids, _worker_urls):
            print(f"Server: {url} ({args.workers} proces{'sen' if args.workers > 1 else ''}), net gestart", flush=True)
            overleg(url, args.overleg, pids, args.opwarmen)
        return 0
    if args.url:
        pids = [int(p) for p in args.pids.split(",") if p.strip()]
        print(f"Server: {args.url}")
        measure(args.url, counts, pids, args.spreiding, [args.url] * 4)  # behind a proxy: reach every worker
        return 0
    with own_server(args.workers) as (url, pids, worker_urls):
        print(f"Server: {url} ({args.workers} proces{'sen' if args.workers > 1 else ''})", flush=True)
        measure(url, counts, pids, args.spreiding, worker_urls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
