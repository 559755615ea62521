#!/usr/bin/env bash
# Fuzzes the pipeline, the JSONL reader and the input readers with cargo-fuzz (libFuzzer) for SECONDS each
# (default 600), keeping going after a finding; findings land in fuzz/artifacts/<target>/.
# Needs `cargo install cargo-fuzz`. On a stable toolchain RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz use libFuzzer's instrumentation flags; -s none: no sanitizer (safe Rust),
# -a: debug assertions (overflow checks) on. Move each finding, once fixed, into
# fuzz/corpus/<target>/ so that `cargo test` replays it (crates/byline/tests/fuzz_corpus.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
for target in pipeline jsonl readers; do
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a -s none "$target" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=5 -fork=1 -ignore_crashes=1 -ignore_timeouts=1
done
