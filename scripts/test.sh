#!/usr/bin/env bash
# Install everything the tests need (into .venv) and run them. CI calls this same script through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

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
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
