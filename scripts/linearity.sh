#!/usr/bin/env bash
# Linear time on pathological input, by instruction counts (valgrind --tool=callgrind:
# repeatable on noisy machines): for each article of support/pathological.rs, the
# pipeline's instructions on 2 MB over those on 1 MB, after subtracting the start-up
# (model loading) measured on an empty text. Linear paths print about 2.0.
# `bash scripts/linearity.sh syntax` measures the named extractors (comma-separated)
# instead of the default pipeline.
set -euo pipefail
if [ $# -gt 0 ]; then export BYLINE_EXTRACTORS="$1"; fi
cd "$(dirname "$0")/.."
cargo build -q --release -p byline --example pathological
bin=target/release/examples/pathological
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,; }
base=$(count "one word of a megabyte" 0)
echo "start-up: $base instructions"
printf '%-34s %12s %12s %6s\n' article "1 MB (M)" "2 MB (M)" ratio
grep -o '^    "[^"]*",$' support/pathological.rs | tr -d '",' | sed 's/^ *//' | while read -r name; do
  one=$(( $(count "$name" 1000) - base ))
  two=$(( $(count "$name" 2000) - base ))
  printf '%-34s %12d %12d %6.2f\n' "$name" $((one / 1000000)) $((two / 1000000)) "$(echo "scale=3; $two / $one" | bc)"
done
