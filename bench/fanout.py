"""Fan-out benchmark of RedisBroker: many subscribers in two server processes, one publisher.

N subscriber tasks are split over 2 RedisBroker instances in 2 OS processes (standing for two uvicorn workers); a third
broker in this process publishes `--rate` events/s for `--seconds`, each message carrying its publish timestamp. Every
subscriber records publish-to-receipt latency. The baseline, in the same run and on the same channel, is one raw
redis-py PubSub subscriber in its own process: what Redis and redis-py cost before our fan-out adds anything.

Prints, for each: deliveries/s, events lost (expected 0), latency p50/p99 and the CPU time of the subscriber processes.

    .venv/bin/python bench/fanout.py [--subscribers 1000] [--seconds 20] [--rate 10] [--redis-url redis://...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import queue
import time
import uuid
from array import array
from typing import Any

from redis.asyncio import Redis

from portico.realtime import RedisBroker, SubscriberTooSlow, is_resync

STARTUP_TIMEOUT = 60.0  # seconds for the subscriber processes to be subscribed
GRACE = 2.0  # seconds after the last publish for deliveries in flight


async def _wait(stop: Any) -> None:
    while not stop.is_set():
        await asyncio.sleep(0.05)


async def _broker_process(url: str, channel: str, subscribers: int, ready: Any, stop: Any, results: Any) -> None:
    broker = RedisBroker(url)
    await broker.start()
    latencies = array("d")
    counts = {"received": 0, "resyncs": 0, "too_slow": 0, "entered": 0}

    async def subscriber() -> None:
        async with broker.subscribe(channel) as events:
            counts["entered"] += 1
            try:
                async for message in events:
                    if is_resync(message):
                        counts["resyncs"] += 1
                        continue
                    latencies.append(time.time() - message["ts"])
                    counts["received"] += 1
            except SubscriberTooSlow:
                counts["too_slow"] += 1

    tasks = [asyncio.create_task(subscriber()) for _ in range(subscribers)]
    while counts["entered"] < subscribers:
        await asyncio.sleep(0.01)
    ready.set()
    await _wait(stop)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await broker.close()
    results.put({"kind": "broker", **counts, "latencies": latencies.tobytes(), "cpu": time.process_time()})


async def _raw_process(url: str, channel: str, ready: Any, stop: Any, results: Any) -> None:
    client = Redis.from_url(url)
    pubsub = client.pubsub()
    await pubsub.subscribe(channel)
    await pubsub.get_message(timeout=5)  # the SUBSCRIBE confirmation: live from here on
    ready.set()
    latencies = array("d")
    while not stop.is_set():
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.05)
        if message is not None:
            latencies.append(time.time() - json.loads(message["data"])["ts"])
    await pubsub.aclose()
    await client.aclose()
    received = len(latencies)
    results.put({"kind": "raw", "received": received, "latencies": latencies.tobytes(), "cpu": time.process_time()})


def _run_broker_process(*args: Any) -> None:
    asyncio.run(_broker_process(*args))


def _run_raw_process(*args: Any) -> None:
    asyncio.run(_raw_process(*args))


async def _publish(url: str, channel: str, rate: float, seconds: float) -> tuple[int, float]:
    broker = RedisBroker(url)
    await broker.start()
    total = int(rate * seconds)
    loop = asyncio.get_running_loop()
    start = loop.time()
    for seq in range(total):
        # An absolute schedule: a slow publish delays one event, not every later one.
        await asyncio.sleep(max(0.0, start + seq / rate - loop.time()))
        message = {"event_id": seq, "organization_id": 1, "customer_id": 1, "ts": time.time()}
        await broker.publish(channel, message)
    elapsed = loop.time() - start
    await broker.close()
    return total, elapsed


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _line(name: str, received: int, expected: int, seconds: float, latencies: list[float], cpu: float) -> str:
    return (
        f"{name:<34} {received / seconds:>12,.0f} {expected - received:>8,} "
        f"{_percentile(latencies, 0.50) * 1000:>9.2f} {_percentile(latencies, 0.99) * 1000:>9.2f} {cpu:>8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=10.0, help="events published per second")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    args = parser.parse_args()

    channel = f"bench:{uuid.uuid4().hex}:activity"
    context = mp.get_context("spawn")  # fresh interpreters: nothing of this process's event loop is inherited
    stop, results = context.Event(), context.Queue()
    split = [args.subscribers // 2, args.subscribers - args.subscribers // 2]
    readies = [context.Event() for _ in range(3)]
    processes = [
        context.Process(target=_run_broker_process, args=(args.redis_url, channel, n, ready, stop, results))
        for n, ready in zip(split, readies[:2], strict=True)
    ]
    raw_args = (args.redis_url, channel, readies[2], stop, results)
    processes.append(context.Process(target=_run_raw_process, args=raw_args))
    for process in processes:
        process.start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        for ready in readies:
            if not ready.wait(max(0.0, deadline - time.monotonic())):
                raise SystemExit("subscriber processes did not start in time")
        print(f"{args.subscribers} subscribers in 2 processes + 1 raw subscriber; publishing {args.rate:g}/s "
              f"for {args.seconds:g} s on {channel}")
        published, elapsed = asyncio.run(_publish(args.redis_url, channel, args.rate, args.seconds))
        time.sleep(GRACE)
        stop.set()
        reports = [results.get(timeout=30) for _ in processes]
    except queue.Empty:
        raise SystemExit("a subscriber process did not report") from None
    finally:
        stop.set()
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()

    brokers = [report for report in reports if report["kind"] == "broker"]
    [raw] = [report for report in reports if report["kind"] == "raw"]
    broker_latencies = [value for report in brokers for value in array("d", report["latencies"])]
    raw_latencies = list(array("d", raw["latencies"]))

    print(f"published {published} events in {elapsed:.1f} s\n")
    print(f"{'':<34} {'deliveries/s':>12} {'lost':>8} {'p50 ms':>9} {'p99 ms':>9} {'CPU s':>8}")
    print(_line(f"RedisBroker, {args.subscribers} subscribers", sum(r["received"] for r in brokers),
                published * args.subscribers, elapsed, broker_latencies, sum(r["cpu"] for r in brokers)))
    print(_line("raw redis-py PubSub, 1 subscriber", raw["received"], published, elapsed, raw_latencies, raw["cpu"]))
    print(f"\ndisconnected as too slow: {sum(r['too_slow'] for r in brokers)}, "
          f"resyncs: {sum(r['resyncs'] for r in brokers)}")


if __name__ == "__main__":
    main()
