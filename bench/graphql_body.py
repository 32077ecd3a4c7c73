"""GraphQL body limit: the server's peak memory when an anonymous client POSTs a 300 MB body to /graphql.

Migrates, then starts `portico serve` in its embedded default (SQLite in a temporary DATA_DIR, 1 worker) twice:
with GRAPHQL_MAX_BODY_BYTES at its default (1 MiB), and, as the baseline of how it was before the limit existed,
with the limit raised above the body's size. Each time an anonymous client streams 300 MB of JSON whitespace
(chunked, no Content-Length, so only the streaming count can stop it) and the server process's peak resident memory
(VmHWM, reset just before through /proc/<pid>/clear_refs, cross-checked by sampling VmRSS) is reported, with the
answer and how many bytes the client got to send.

    .venv/bin/python bench/graphql_body.py [--size-mib 300]

Goal: with the limit, a 413 after about 1 MiB is read and no growth of the server's memory worth mentioning.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import HOST, PORTICO, Server, free_port  # noqa: E402
from upload_memory import RssSampler, _reset_peak, _status_kib  # noqa: E402

MiB = 1024 * 1024
CHUNK = 64 * 1024


class Body:
    def __init__(self, size: int) -> None:
        self.size = size
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        block = b" " * CHUNK
        while self.sent < self.size:
            chunk = block[: self.size - self.sent]
            self.sent += len(chunk)
            yield chunk


def post(server: Server, size: int) -> tuple[str, int, float, float, float]:
    """(answer, bytes sent, seconds, RSS before, peak RSS) in MiB for one oversized anonymous POST."""
    pid = server.pid
    before = _status_kib(pid, "VmRSS")
    exact = _reset_peak(pid)
    sampler = RssSampler(pid)
    sampler.start()
    body = Body(size)
    started = time.perf_counter()
    try:
        response = httpx.post(f"{server.url}/graphql", content=body, headers={"Content-Type": "application/json"},
                              timeout=600)
        answer = f"{response.status_code} {response.text[:90]}"
    except httpx.HTTPError as error:  # the server answered and closed while the client was still sending
        answer = f"connection closed by the server ({type(error).__name__})"
    elapsed = time.perf_counter() - started
    time.sleep(0.5)  # let the server finish with what it read
    sampler.stop.set()
    sampler.join()
    peak = _status_kib(pid, "VmHWM") if exact else sampler.peak_kib
    return answer, body.sent, elapsed, before / 1024, peak / 1024


def run(tmp: Path, name: str, limit: int | None, size: int) -> None:
    port = free_port()
    env = {"DATA_DIR": str(tmp / name), "PUBLIC_URL": f"http://{HOST}:{port}", "DATABASE_URL": "",
           "STORAGE_URL": "", "REDIS_URL": "", "PORTICO_ENV": "development"}
    if limit is not None:
        env["GRAPHQL_MAX_BODY_BYTES"] = str(limit)
    subprocess.run([PORTICO, "migrate"], env={**os.environ, **env}, check=True, capture_output=True)
    server = Server(f"portico-{name}", [PORTICO, "serve", "--host", HOST, "--port", str(port)], port=port, env=env,
                    log_dir=str(tmp))
    try:
        server.wait_ready()
        answer, sent, seconds, before, peak = post(server, size)
        print(f"{name:<34} RSS before {before:5.0f} MiB, peak {peak:5.0f} MiB (+{peak - before:4.0f}); "
              f"client sent {sent / MiB:6.1f} MiB in {seconds:5.1f} s; answer: {answer}", flush=True)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mib", type=int, default=300)
    args = parser.parse_args()
    size = args.size_mib * MiB
    tmp = Path(tempfile.mkdtemp(prefix="portico-body-bench-"))
    try:
        print(f"{args.size_mib} MiB anonymous POST /graphql, chunked; load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n")
        run(tmp, "GRAPHQL_MAX_BODY_BYTES=1 MiB", None, size)
        run(tmp, "baseline: no effective limit", size * 2, size)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
