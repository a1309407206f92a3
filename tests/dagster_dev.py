"""A real `dagster dev` (webserver + daemon) for tests, on a temporary instance.

    with running_dagster_dev(tmp_path, seeds_dir) as dev:
        dev.url, dev.graphql(query), dev.warehouse_path, dev.log_tail()

What it does:
- DAGSTER_HOME is a fresh folder in tmp_path holding a copy of dagster-instance.yaml as dagster.yaml;
  SEEDS_DIR and WAREHOUSE_PATH point into tmp_path (or where the caller says);
- the webserver listens on 127.0.0.1 only, on a free port;
- the process is started in its own session (start_new_session=True), so it and every process it
  starts (code servers, webserver, daemon, run workers) share one process group that can be stopped
  as a whole;
- it waits until the webserver answers /server_info and the code location has loaded;
- on exit it stops the whole group (SIGTERM, wait, then SIGKILL) and raises if any process of the
  group is still alive;
- all output goes to tmp_path/dagster-dev.log; its tail is printed (and shown by pytest) when the
  block fails or the server does not come up.

Linux only (it reads /proc to find the processes of the group).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

PROJECT = Path(__file__).resolve().parent.parent
INSTANCE_YAML = PROJECT / "dagster-instance.yaml"
DEFINITIONS_MODULE = "assets.definitions"

LOCATION_QUERY = """
query { workspaceOrError { __typename ... on Workspace { locationEntries {
    name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }
"""


class DagsterDevError(RuntimeError):
    """`dagster dev` did not start, or did not stop cleanly; the message ends with its log's tail."""


@dataclass
class DagsterDev:
    url: str
    port: int
    home: Path
    seeds_dir: Path
    warehouse_path: Path
    log_path: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        tail = text.splitlines()[-lines:]
        return f"--- last {len(tail)} lines of {self.log_path} ---\n" + "\n".join(tail)

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 30) -> dict:
        """POST a query to the webserver's GraphQL endpoint and return its `data` (raises on errors)."""
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(f"{self.url}/graphql", data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            payload = json.loads(resp.read())
        if payload.get("errors"):
            raise DagsterDevError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def runs(self) -> list[dict]:
        """Every run of the instance, newest first: id, status, job name and tags."""
        data = self.graphql("""query { runsOrError { __typename ... on Runs { results {
            runId status jobName tags { key value } } } } }""")
        return [{**r, "tags": {t["key"]: t["value"] for t in r["tags"]}}
                for r in data["runsOrError"]["results"]]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def group_processes(pgid: int) -> list[tuple[int, str, str]]:
    """Live (not zombie) processes whose process group is pgid: (pid, state, command line)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            # fields after the command name (which may hold spaces and parentheses)
            state, _ppid, pgrp = stat[stat.rindex(")") + 2:].split()[:3]
            if int(pgrp) != pgid or state in ("Z", "X"):
                continue
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, ValueError):
            continue    # the process ended while we looked
        found.append((int(entry), state, cmd[:160]))
    return found


def _killpg(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def _wait_group_gone(process: subprocess.Popen, pgid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        process.poll()      # reaps the leader once it has exited
        if not group_processes(pgid):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def stop_process_group(process: subprocess.Popen, term_timeout: float = 30, kill_timeout: float = 15) -> None:
    """SIGTERM to the whole group, wait, SIGKILL whatever is left; raise if anything survives."""
    pgid = process.pid      # start_new_session=True: the leader's pid is the group's id
    _killpg(pgid, signal.SIGTERM)
    if not _wait_group_gone(process, pgid, term_timeout):
        _killpg(pgid, signal.SIGKILL)
        if not _wait_group_gone(process, pgid, kill_timeout):
            left = "\n".join(f"  {pid} {state} {cmd}" for pid, state, cmd in group_processes(pgid))
            raise DagsterDevError(f"processes of dagster dev's group {pgid} survived SIGKILL:\n{left}")
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def _default_sigint() -> None:
    # A process started from a non-interactive shell in the background inherits SIGINT ignored;
    # Python then never raises KeyboardInterrupt, and dagster (which maps SIGTERM to the SIGINT
    # handler) ignores SIGTERM too. Give the child the default disposition back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _wait_ready(dev: DagsterDev, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    server_up = False
    while time.monotonic() < deadline:
        if dev.process.poll() is not None:
            raise DagsterDevError(f"dagster dev exited with code {dev.process.returncode} before it answered\n"
                                  + dev.log_tail())
        try:
            if not server_up:
                with urllib.request.urlopen(f"{dev.url}/server_info", timeout=5) as resp:
                    json.loads(resp.read())
                server_up = True
            entries = dev.graphql(LOCATION_QUERY)["workspaceOrError"]["locationEntries"]
            if entries and all(e["loadStatus"] == "LOADED" for e in entries):
                errors = [e for e in entries if e["locationOrLoadError"]["__typename"] == "PythonError"]
                if errors:
                    raise DagsterDevError(f"code location failed to load: {errors}\n" + dev.log_tail())
                return
            last = f"code location not loaded yet: {entries}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError, KeyError) as e:
            last = repr(e)
        time.sleep(0.5)
    raise DagsterDevError(f"dagster dev did not become ready in {timeout:.0f} s ({last})\n" + dev.log_tail())


@contextmanager
def running_dagster_dev(tmp_path: Path, seeds_dir: Path, warehouse_path: Path | None = None,
                        extra_env: dict[str, str] | None = None, startup_timeout: float = 120) -> Iterator[DagsterDev]:
    """Start `dagster dev -m assets.definitions` on a temporary instance; stop its whole process group on exit."""
    home = tmp_path / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INSTANCE_YAML, home / "dagster.yaml")
    warehouse_path = warehouse_path or tmp_path / "warehouse" / "relations.duckdb"
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "SEEDS_DIR": str(seeds_dir),
           "WAREHOUSE_PATH": str(warehouse_path), "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    log_path = tmp_path / "dagster-dev.log"
    cmd = [sys.executable, "-m", "dagster", "dev", "-m", DEFINITIONS_MODULE, "-h", "127.0.0.1", "-p", str(port)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_default_sigint)
    dev = DagsterDev(url=f"http://127.0.0.1:{port}", port=port, home=home, seeds_dir=seeds_dir,
                     warehouse_path=warehouse_path, log_path=log_path, process=process)
    failed = False
    try:
        _wait_ready(dev, startup_timeout)
        yield dev
    except BaseException:
        failed = True
        raise
    finally:
        try:
            stop_process_group(process)
        except DagsterDevError:
            failed = True
            raise
        finally:
            if failed:
                # pytest shows the captured output of a failing test
                print(dev.log_tail(), file=sys.stderr)
