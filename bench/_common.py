"""Helpers shared by the benchmarks: free ports, server subprocesses, statistics, the HTTP load generator.

Not a benchmark itself (`make bench` runs bench/*.py whose names do not start with "_").
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # every benchmark stays on this machine
TIMEOUT = 30.0  # seconds a load-test request may take before it counts as timed out
PORTICO = str(Path(sys.executable).with_name("portico"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    """A server subprocess whose output goes to a log file (a pipe nobody reads would block it)."""

    def __init__(self, name: str, argv: Sequence[str], *, port: int, env: dict[str, str] | None = None,
                 log_dir: str | None = None) -> None:
        self.name = name
        self.port = port
        self.url = f"http://{HOST}:{port}"
        self.log_path = Path(log_dir or tempfile.gettempdir()) / f"{name}-{port}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            list(argv), env={**os.environ, **(env or {})}, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, path: str = "/healthz", timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            try:
                if httpx.get(self.url + path, timeout=1.0).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"{self.name} did not answer {path} within {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        self._log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown (runs the lifespan's end)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- HTTP load: wrk when installed (Debian's `wrk`), else an asyncio httpx generator in its own process --------


@dataclass
class LoadResult:
    requests: int
    seconds: float
    bad: int  # connection errors, non-200 answers, or bodies carrying GraphQL "errors"
    timeouts: int  # no answer within the client's timeout (not counted in `requests` nor in the latencies)
    p50_ms: float
    p99_ms: float
    tool: str
    failures: tuple[str, ...] = ()  # what the first few bad answers were (httpx generator only)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


_WRK_SCRIPT = """
wrk.method = "POST"
%(headers)s
-- A page of several requests: each thread sends them in turn (its connections share the turn, so the mix is
-- exact but one connection's requests are not a page in order).
local bodies = {%(bodies)s}
local turn = 0
function request()
  turn = turn %% #bodies + 1
  return wrk.format(nil, nil, nil, bodies[turn])
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local b = summary.errors.connect + summary.errors.read + summary.errors.write
  for _, t in ipairs(threads) do b = b + t:get("bad") end
  io.write(string.format('WRK_RESULT {"requests": %%d, "duration_us": %%d, "bad": %%d, "timeouts": %%d, ' ..
    '"p50_us": %%d, "p99_us": %%d}\\n', summary.requests, summary.duration, b, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def _lua_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def _wrk(url: str, body: str | list[str], headers: dict[str, str], connections: int, seconds: float,
         threads: int) -> LoadResult:
    bodies = [body] if isinstance(body, str) else body
    header_lines = "\n".join(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT % {"bodies": ", ".join(map(_lua_string, bodies)), "headers": header_lines})
    try:
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", f"{TIMEOUT:.0f}s",
             "-s", script.name, url],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next((ln for ln in out.splitlines() if ln.startswith("WRK_RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{out}")
    data = json.loads(line.removeprefix("WRK_RESULT "))
    # Pages counted as pages (requests / requests per page); latencies stay those of single requests.
    return LoadResult(data["requests"] // len(bodies), data["duration_us"] / 1e6, data["bad"], data["timeouts"],
                      data["p50_us"] / 1000, data["p99_us"] / 1000,
                      "wrk" if len(bodies) == 1 else "wrk, latencies per request")


async def _httpx_load(url: str, body: str | list[str], headers: dict[str, str], connections: int,
                      seconds: float) -> dict:
    # A list of bodies is one page load: posted one after the other (as the SPA does), timed and counted as one.
    bodies = [body] if isinstance(body, str) else body
    latencies: list[float] = []
    bad = timeouts = 0
    failures: list[str] = []  # the first few, to say what went wrong and not only how often
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=TIMEOUT) as client:
        loop_time = time.perf_counter
        end = loop_time() + seconds

        async def worker() -> None:
            nonlocal bad, timeouts
            while loop_time() < end:
                start = loop_time()
                ok = True
                try:
                    for one in bodies:
                        response = await client.post(url, content=one, headers=headers)
                        if response.status_code != 200 or b'"errors"' in response.content:
                            ok = False
                            if len(failures) < 5:
                                failures.append(f"{response.status_code}: {response.text[:300]}")
                except httpx.TimeoutException:
                    timeouts += 1
                    continue
                except httpx.HTTPError as error:
                    ok = False
                    if len(failures) < 5:
                        failures.append(f"{type(error).__name__}: {error}")
                latencies.append(loop_time() - start)
                bad += not ok

        import asyncio

        began = loop_time()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = loop_time() - began
    return {"requests": len(latencies), "seconds": elapsed, "bad": bad, "timeouts": timeouts, "failures": failures,
            "p50_ms": percentile(latencies, 0.5) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000}


def _httpx_load_main(argv: list[str]) -> None:
    import asyncio

    spec = json.loads(argv[0])
    print(json.dumps(asyncio.run(_httpx_load(**spec))))


def load(url: str, body: str | list[str], headers: dict[str, str], *, connections: int, seconds: float,
         threads: int = 1) -> LoadResult:
    """POST `body` to `url` from `connections` clients for `seconds` (closed loop: each waits for its answer).

    `body` may be a list: a page of several requests, counted as one. The httpx generator sends a page's requests
    in order on one connection and times the page; wrk, when installed, sends each thread's requests in turn and
    times requests. wrk is preferred: the httpx generator needs more CPU than the servers it loads, and on this
    2-core machine it saturated near a bare endpoint's rate, hiding how far a slower server is behind (issue 8,
    2026-12-04: 0.70x a page's baseline with httpx, 0.30x with wrk, same servers)."""
    if shutil.which("wrk"):
        return _wrk(url, body, headers, connections, seconds, threads)
    spec = json.dumps({"url": url, "body": body, "headers": headers, "connections": connections, "seconds": seconds})
    out = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import _common; "
         "_common._httpx_load_main(sys.argv[2:])", str(Path(__file__).parent), spec],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return LoadResult(data["requests"], data["seconds"], data["bad"], data["timeouts"], data["p50_ms"],
                      data["p99_ms"], "httpx", tuple(data["failures"]))
