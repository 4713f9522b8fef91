"""Where the hall can reach this machine: its LAN addresses, and a port that is free (the next one if taken)."""

from __future__ import annotations

import socket
import sys

DEFAULT_PORT = 8765


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, best first (the one a default route would use)."""
    found: list[str] = []
    try:  # the address the system would send from: no packet leaves, a UDP "connect" only picks the route
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = info[4][0]
            if address not in found:
                found.append(address)
    except OSError:
        pass
    return [address for address in found if not address.startswith("127.")] or ["127.0.0.1"]


def free_port(wanted: int = DEFAULT_PORT, host: str = "0.0.0.0", tries: int = 50) -> int:
    """`wanted`, or the next port that can be bound."""
    for port in range(wanted, wanted + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as candidate:
            if sys.platform != "win32":  # as the server binds: a port whose last pages are closing is free
                candidate.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                candidate.bind((host, port))
            except OSError:
                continue
            return port
    raise OSError(f"no free port in {wanted}..{wanted + tries - 1}")
