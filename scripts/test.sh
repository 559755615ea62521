#!/usr/bin/env bash
# Every check of the project, as CI runs it: formatting, lints, the Rust tests (insta
# snapshots included), the Python extension built into .venv, type checks and pytest.
# Tests that need ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked

echo "== python: .venv with the extension"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
# Release mode: the speed tests and users see the wheel's speed (about 1 min to build).
VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH" .venv/bin/maturin develop --quiet --locked --release
echo "== mypy and stubtest"
.venv/bin/python -m mypy python/byline tests
.venv/bin/python -m mypy.stubtest byline._byline
echo "== pytest"
.venv/bin/python -m pytest -q
