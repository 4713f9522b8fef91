#!/usr/bin/env bash
# Install everything the tests need (into .venv) and run them. CI calls this same script through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries Qt needs (offscreen and under X), QtMultimedia's libpulse/libxrandr, Xvfb for real-X tests, and
# Xorg with the dummy driver plus xrandr for the projector hot-plug test, xdotool for real key presses and
# openbox for a run with a window manager; Chromium and its driver for the hall's pages in a real browser.
system_packages="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon-x11-0 libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  libxcb-glx0 libpulse0 libxrandr2 xvfb xauth xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils xdotool openbox
  chromium chromium-driver"
if command -v dpkg-query >/dev/null 2>&1; then
  missing=$(for p in $system_packages; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done)
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "== installing system packages: $(echo $missing)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "missing system packages (install them as root): $(echo $missing)" >&2
    fi
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

echo "== architecture contracts"
.venv/bin/lint-imports
echo "== types (strict on the engine)"
.venv/bin/mypy stageshow/domain

echo "== tests"
set +e
.venv/bin/python -m pytest --junitxml=test-output/junit.xml "$@"
status=$?
set -e
# Video decoder threads may print to stderr after pytest's summary; repeat the count as the closing line.
if [ -f test-output/junit.xml ]; then
  .venv/bin/python - <<'PY'
import xml.etree.ElementTree as ET
suites = ET.parse("test-output/junit.xml").getroot()
suites = [suites] if suites.tag == "testsuite" else list(suites)
total = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(f"tests: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
fi
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
