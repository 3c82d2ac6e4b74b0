"""supervisord event listener: restart a worker whose health URL stops answering (a hung process is not dead).

supervisord restarts a process that exits; this restarts one that still runs but no longer serves. Every TICK_5
it asks each worker's /_stcore/health; after three failures in a row it restarts that worker through
supervisord's own XML-RPC interface. Arguments: werker-1=PORT werker-2=PORT …; messages go to stderr (the log).
"""

from __future__ import annotations

import os
import sys
import urllib.request

from supervisor import childutils

FOUTEN_TOT_HERSTART = 3


def gezond(poort: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{poort}/_stcore/health", timeout=3) as antwoord:
            return antwoord.status == 200
    except OSError:
        return False


def main(argv: list[str]) -> None:
    werkers = {naam: int(poort) for naam, poort in (a.split("=", 1) for a in argv)}
    fouten = dict.fromkeys(werkers, 0)
    rpc = childutils.getRPCInterface(os.environ)
    while True:
        kop, _ = childutils.listener.wait(sys.stdin, sys.stdout)
        if kop["eventname"].startswith("TICK"):
            for naam, poort in werkers.items():
                if rpc.supervisor.getProcessInfo(naam)["statename"] != "RUNNING":
                    fouten[naam] = 0  # starting or restarting: supervisord itself is on it
                    continue
                fouten[naam] = 0 if gezond(poort) else fouten[naam] + 1
                if fouten[naam] >= FOUTEN_TOT_HERSTART:
                    print(f"{naam} antwoordt niet op poort {poort}: herstarten", file=sys.stderr, flush=True)
                    rpc.supervisor.stopProcess(naam)
                    rpc.supervisor.startProcess(naam, False)
                    fouten[naam] = 0
        childutils.listener.ok(sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
