"""supervisord event listener: restart a worker whose health URL stops answering (a hung process is not dead),
and warm every new worker process.

supervisord restarts a process that exits; this restarts one that still runs but no longer serves. Every TICK_5
it asks each worker's /_stcore/health; after three failures in a row it restarts that worker through
supervisord's own XML-RPC interface. The first healthy tick of a new worker process (a new pid: the first start
or a restart) starts deploy/opwarmen.py for it in the background, so the maps and figures are built before
the first visitors ask. Arguments: werker-1=PORT werker-2=PORT … [--opwarmen]; messages go to stderr (the log).
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from supervisor import childutils

FOUTEN_TOT_HERSTART = 3


def gezond(poort: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{poort}/_stcore/health", timeout=3) as antwoord:
            return antwoord.status == 200
    except OSError:
        return False


def warm_op(poort: int) -> subprocess.Popen:
    """deploy/opwarmen.py for this worker, not waited for (its messages go to this listener's log)."""
    return subprocess.Popen([sys.executable, str(Path(__file__).with_name("opwarmen.py")), str(poort)],
                            stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)  # fmt: skip


def main(argv: list[str]) -> None:
    opwarmen = "--opwarmen" in argv
    werkers = {naam: int(poort) for naam, poort in (a.split("=", 1) for a in argv if a != "--opwarmen")}
    fouten = dict.fromkeys(werkers, 0)
    opgewarmd: dict[str, int] = {}  # worker → pid of the process that was warmed
    bezig: list[subprocess.Popen] = []
    rpc = childutils.getRPCInterface(os.environ)
    while True:
        kop, _ = childutils.listener.wait(sys.stdin, sys.stdout)
        if kop["eventname"].startswith("TICK"):
            for naam, poort in werkers.items():
                info = rpc.supervisor.getProcessInfo(naam)
                if info["statename"] != "RUNNING":
                    fouten[naam] = 0  # starting or restarting: supervisord itself is on it
                    continue
                fouten[naam] = 0 if gezond(poort) else fouten[naam] + 1
                if opwarmen and fouten[naam] == 0 and opgewarmd.get(naam) != info["pid"]:
                    opgewarmd[naam] = info["pid"]
                    print(f"{naam} (pid {info['pid']}) wordt opgewarmd", file=sys.stderr, flush=True)
                    bezig.append(warm_op(poort))
                if fouten[naam] >= FOUTEN_TOT_HERSTART:
                    print(f"{naam} antwoordt niet op poort {poort}: herstarten", file=sys.stderr, flush=True)
                    rpc.supervisor.stopProcess(naam)
                    rpc.supervisor.startProcess(naam, False)
                    fouten[naam] = 0
            bezig = [p for p in bezig if p.poll() is None]  # finished warm-ups are reaped, not left as zombies
        childutils.listener.ok(sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
