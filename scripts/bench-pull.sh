#!/usr/bin/env bash
# Benchmark: `agentctl pull` of 200 agents from the emulator with 50 ms latency on every request, against a
# sequential script using the official elevenlabs SDK (Benchmarks/pull/sdk_pull.py) on the same emulator.
# Usage: scripts/bench-pull.sh [AGENTS] [LATENCY_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
agents="${1:-200}"
latency="${2:-50}"
swift build -c release --product agentctl >/dev/null
swift build -c release --product agentctl-emulator >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

key="bench-key"
"$bin/agentctl-emulator" --port 0 --api-key "$key" --seed-agents "$agents" --latency-ms "$latency" \
  >"$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 50); do grep -q listening "$work/emulator.out" && break; sleep 0.1; done
url="$(sed -n 's/^listening on //p' "$work/emulator.out")"
export ELEVENLABS_API_KEY="$key" ELEVENLABS_BASE_URL="$url" AGENTCTL_BIN="$bin/agentctl"
echo "emulator: $url, $agents agents, ${latency} ms per request"

hyperfine --warmup 1 --runs 5 --export-markdown "$work/pull.md" \
  --prepare "rm -rf $work/repo && mkdir -p $work/repo" \
  "cd $work/repo && $bin/agentctl pull >/dev/null" \
  "cd $work/repo && python3 $PWD/Benchmarks/pull/sdk_pull.py >/dev/null"
cat "$work/pull.md"
mkdir -p "$work/repo" && cd "$work/repo" && rm -rf ./*
/usr/bin/time -f 'agentctl pull peak memory: %M KB' "$bin/agentctl" pull | tail -n 1
