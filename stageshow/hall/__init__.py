"""The hall on the network: pages served over the hall's LAN from the same engine (mirror screens first)."""
