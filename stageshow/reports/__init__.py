"""What leaves the show: score sheets, the exported script, the empty Excel template."""
