#!/bin/sh
# Times 10,000 simulated calls of the 20-turn script in Swift (release) and in the pure-Python peer.
# Both must print the same report line, so they did the same work; exits non-zero if they differ.
set -eu
cd "$(dirname "$0")/../.."
runs="${1:-10000}"
swift build -c release --product simulate-benchmark >/dev/null
swift_out=$(.build/release/simulate-benchmark Benchmarks/simulate/twenty-turns.sim "$runs" 5)
python_out=$(python3 Benchmarks/simulate/peer.py Benchmarks/simulate/twenty-turns.sim "$runs")
echo "$swift_out"
echo "$python_out"
if [ "$(echo "$swift_out" | grep '^report:')" = "$(echo "$python_out" | grep '^report:')" ]; then
    echo "reports identical"
else
    echo "reports differ" >&2
    exit 1
fi
