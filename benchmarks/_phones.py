"""Stand-in phones for the hall's benchmarks: each from its own loopback address (127.x.y.z all reach this machine),
following the stage by pushed events, polling the public snapshot once a second, and voting (a token on arrival, then
a ballot every few seconds, as impatient audiences do). They run in a process of their own at the lowest priority:
on one machine they stand in for other devices, so what is measured is the show's cost, not theirs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time


def phone_address(index: int) -> str:
    return f"127.0.{index // 250 + 1}.{index % 250 + 2}"


def crowd(port: int, count: int, seconds: float, ready, votes: bool = True) -> None:  # type: ignore[no-untyped-def]
    import aiohttp

    os.nice(19)
    sent = {"ballots": 0, "answered": 0}

    async def phone(index: int) -> None:
        connector = aiohttp.TCPConnector(limit=0, local_addr=(phone_address(index), 0))
        async with aiohttp.ClientSession(connector=connector) as client:
            token = ""
            if votes:
                async with client.post(f"http://127.0.0.1:{port}/api/vote/join") as response:
                    token = (await response.json()).get("token", "")
            async with client.get(f"http://127.0.0.1:{port}/api/stream?page=phone") as stream:
                deadline = time.monotonic() + seconds
                next_poll = time.monotonic() + index % 10 / 10
                next_vote = time.monotonic() + index % 50 / 10
                while time.monotonic() < deadline:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stream.content.readline(), 0.2)
                    now = time.monotonic()
                    if now >= next_poll:
                        async with client.get(f"http://127.0.0.1:{port}/api/public") as response:
                            await response.read()
                        next_poll += 1.0
                    if token and now >= next_vote:
                        sent["ballots"] += 1
                        async with client.post(f"http://127.0.0.1:{port}/api/vote",
                                               json={"token": token, "teams": ["T01"]}) as response:
                            await response.read()
                            sent["answered"] += 1
                        next_vote += 5.0

    async def everyone() -> None:
        tasks = [asyncio.create_task(phone(index)) for index in range(count)]
        await asyncio.sleep(3)
        ready.set()
        await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(everyone())
