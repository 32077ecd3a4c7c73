"""Upload benchmark: the server's peak memory and its throughput while a 1 GiB file streams into POST /uploads.

Migrates, then starts `portico serve` in its embedded default (SQLite and local files in a temporary DATA_DIR, 1
worker) with a 10 GiB storage quota, signs up through GraphQL (keeping the session cookie, Origin set like a
browser), then streams a generated 1 GiB PDF (a PDF header, then a random 1 MiB block repeated, produced chunk by
chunk, never held in memory) to POST /uploads?filename=big.pdf. While it streams, the server process's resident
memory is sampled from /proc; its peak (VmHWM, reset just before the upload through /proc/<pid>/clear_refs) is
reported.

The baseline, in the same run and the same directory (so the same disk): writing the same generated stream to a
file, and copying that file with shutil.copyfile, each ending with fsync as the server's storage does.

    .venv/bin/python bench/upload_memory.py [--size-mib 1024] [--runs 3] [--dir /some/dir/on/the/disk]

Goals: peak RSS under 150 MB whatever the file size; throughput close to what the disk does for a plain copy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import HOST, PORTICO, Server, free_port, median  # noqa: E402

MiB = 1024 * 1024
CHUNK = MiB
PDF_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
SAMPLE_EVERY = 0.02  # seconds between RSS samples


def generated(size: int, block: bytes) -> Iterator[bytes]:
    """`size` bytes of a "PDF": the header, then the same random block over and over (nothing accumulates)."""
    first = PDF_HEADER + block[len(PDF_HEADER):]
    sent = 0
    while sent < size:
        chunk = first if sent == 0 else block
        chunk = chunk[: size - sent] if size - sent < len(chunk) else chunk
        sent += len(chunk)
        yield chunk


# --- the server process's memory and CPU, from /proc --------------------------------------------------------------


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _reset_peak(pid: int) -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False if not permitted here."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.peak_kib = max(self.peak_kib, _status_kib(self.pid, "VmRSS"))
            except (OSError, KeyError):
                return
            self.stop.wait(SAMPLE_EVERY)


# --- one upload, and the baselines -----------------------------------------------------------------------------


@dataclass
class UploadRun:
    seconds: float
    rss_before_mib: float
    peak_mib: float  # VmHWM since the reset (or the sampled maximum when the reset is not permitted)
    sampled_peak_mib: float
    cpu_seconds: float


def upload(server: Server, cookie: str, size: int, block: bytes) -> UploadRun:
    pid = server.pid
    rss_before = _status_kib(pid, "VmRSS")
    exact = _reset_peak(pid)
    sampler = RssSampler(pid)
    sampler.start()
    cpu_before = _cpu_seconds(pid)
    headers = {"Origin": server.url, "Cookie": f"portico_session={cookie}", "Content-Type": "application/pdf",
               "Content-Length": str(size)}
    started = time.perf_counter()
    response = httpx.post(f"{server.url}/uploads", params={"filename": "big.pdf"}, headers=headers,
                          content=generated(size, block), timeout=600)
    elapsed = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if response.status_code != 201:
        raise SystemExit(f"upload answered {response.status_code}: {response.text[:300]}\n{server.tail()}")
    answer = response.json()
    if answer["sizeBytes"] != size or answer["contentType"] != "application/pdf":
        raise SystemExit(f"unexpected upload result: {answer}")
    peak = _status_kib(pid, "VmHWM") if exact else sampler.peak_kib
    return UploadRun(elapsed, rss_before / 1024, peak / 1024, sampler.peak_kib / 1024,
                     _cpu_seconds(pid) - cpu_before)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_stream(path: Path, size: int, block: bytes) -> float:
    started = time.perf_counter()
    with open(path, "wb") as file:
        for chunk in generated(size, block):
            file.write(chunk)
        file.flush()
        os.fsync(file.fileno())
    return time.perf_counter() - started


def copy_file(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    _fsync(target)
    return time.perf_counter() - started


# --- the run ---------------------------------------------------------------------------------------------------


def sign_up(url: str) -> str:
    mutation = "mutation($input: SignUpInput!) { signUp(input: $input) { errors { code message } } }"
    variables = {"input": {"organizationName": "Upload Bench", "firstName": "Ada", "lastName": "Admin",
                           "email": "ada@upload-bench.example", "password": "upload-bench-password-1"}}
    response = httpx.post(f"{url}/graphql", json={"query": mutation, "variables": variables},
                          headers={"Origin": url}, timeout=30)
    response.raise_for_status()
    errors = response.json().get("errors") or response.json()["data"]["signUp"]["errors"]
    token = response.cookies.get("portico_session")
    if errors or not token:
        raise SystemExit(f"signUp failed: {response.text[:300]}")
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=None, help="where the temporary DATA_DIR and baseline files go")
    args = parser.parse_args()
    size = args.size_mib * MiB

    tmp = Path(tempfile.mkdtemp(prefix="portico-upload-bench-", dir=args.dir))
    server: Server | None = None
    try:
        needed = size * (args.runs * 2 + 1) + 256 * MiB  # stored uploads, plus the baseline's two files
        free = shutil.disk_usage(tmp).free
        if free < needed:
            raise SystemExit(f"{tmp} has {free / MiB:,.0f} MiB free, the benchmark needs {needed / MiB:,.0f} MiB")
        port = free_port()
        env = {
            "DATA_DIR": str(tmp / "data"), "PUBLIC_URL": f"http://{HOST}:{port}",
            "MAX_UPLOAD_BYTES": str(size * 2), "DEFAULT_STORAGE_QUOTA_BYTES": str(max(10 * 1024 * MiB, needed)),
            # the embedded default, whatever this shell's environment says
            "DATABASE_URL": "", "STORAGE_URL": "", "REDIS_URL": "", "PORTICO_ENV": "development",
        }
        subprocess.run([PORTICO, "migrate"], env={**os.environ, **env}, check=True, capture_output=True)
        server = Server("portico", [PORTICO, "serve", "--host", HOST, "--port", str(port), "--workers", "1"],
                        port=port, env=env, log_dir=str(tmp))
        server.wait_ready()
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        if children:
            raise SystemExit(f"`portico serve` forked {children}: measure the worker, not the supervisor")
        rss_started = _status_kib(server.pid, "VmRSS") / 1024
        cookie = sign_up(server.url)
        rss_signed_up = _status_kib(server.pid, "VmRSS") / 1024
        block = os.urandom(CHUNK)
        print(f"`portico serve` (pid {server.pid}, SQLite + local files in {tmp}); "
              f"{args.size_mib:,} MiB uploads, {args.runs} runs; load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n")

        uploads: list[UploadRun] = []
        writes: list[float] = []
        copies: list[float] = []
        for run in range(args.runs):
            result = upload(server, cookie, size, block)
            uploads.append(result)
            source, target = tmp / "baseline-source.bin", tmp / "baseline-copy.bin"
            writes.append(write_stream(source, size, block))
            copies.append(copy_file(source, target))
            source.unlink()
            target.unlink()
            print(f"  run {run + 1}: upload {size / MiB / result.seconds:6.0f} MiB/s, server RSS "
                  f"{result.rss_before_mib:.0f} MiB before, peak {result.peak_mib:.0f} MiB "
                  f"(sampled max {result.sampled_peak_mib:.0f}), server CPU {result.cpu_seconds:.1f} s; "
                  f"write {size / MiB / writes[-1]:6.0f} MiB/s, copy {size / MiB / copies[-1]:6.0f} MiB/s", flush=True)

        upload_rate = size / MiB / median([u.seconds for u in uploads])
        write_rate = size / MiB / median(writes)
        copy_rate = size / MiB / median(copies)
        peak = median([u.peak_mib for u in uploads])
        print(f"\n{'median of ' + str(args.runs) + ' runs':<52} {'MiB/s':>8} {'ratio':>7}")
        print(f"{'POST /uploads, ' + str(args.size_mib) + ' MiB (Portico, 1 worker)':<52} {upload_rate:>8,.0f} "
              f"{upload_rate / copy_rate:>6.2f}x")
        print(f"{'baseline: shutil.copyfile + fsync, same disk':<52} {copy_rate:>8,.0f} {1:>6.2f}x")
        print(f"{'baseline: write the generated stream + fsync':<52} {write_rate:>8,.0f} "
              f"{write_rate / copy_rate:>6.2f}x")
        print(f"\nserver peak RSS during the upload: {peak:.0f} MiB = {peak * MiB / 1e6:.0f} MB (goal < 150 MB); "
              f"RSS before it {median([u.rss_before_mib for u in uploads]):.0f} MiB (at start {rss_started:.0f} MiB, "
              f"after the sign-up's argon2 hash {rss_signed_up:.0f} MiB)")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
