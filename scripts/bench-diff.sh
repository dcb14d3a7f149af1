#!/usr/bin/env bash
# Benchmark: `agentctl diff` of an agent whose prompt has LINES lines (default 16,000), one of them changed since the
# push: time and peak memory (BENCHMARKS.md, "diff of a long prompt").
# Usage: scripts/bench-diff.sh [LINES]; AGENTCTL_BIN_DIR=folder times the agentctl in that folder instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-16000}"
bin="${AGENTCTL_BIN_DIR:-}"
if [ -z "$bin" ]; then
  swift build -c release --product agentctl >/dev/null
  swift build -c release --product agentctl-emulator >/dev/null
  bin="$(swift build -c release --show-bin-path)"
fi
work="$(mktemp -d)"
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

key="bench-key"
"$bin/agentctl-emulator" --port 0 --api-key "$key" >"$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 50); do grep -q listening "$work/emulator.out" && break; sleep 0.1; done
export ELEVENLABS_API_KEY="$key" ELEVENLABS_BASE_URL="$(sed -n 's/^listening on //p' "$work/emulator.out")"

write_agent() {  # the prompt's line $1 reads "$2"
  { printf 'name: Long prompt\nconversation_config:\n  agent:\n    prompt:\n      prompt: |\n'
    seq "$lines" | awk -v changed="$1" -v text="$2" '{ print "        " ($1 == changed ? text : "Rule " $1 ": answer briefly and politely.") }'
  } >"$work/agents/long.yaml"
}
mkdir -p "$work/agents"
write_agent 0 ""
(cd "$work" && "$bin/agentctl" push --yes >/dev/null)
write_agent $((lines / 2)) "Rule changed: answer in one sentence."
echo "diff of a ${lines}-line prompt with one changed line ($bin/agentctl):"
(cd "$work" && /usr/bin/time -v -o "$work/time.txt" "$bin/agentctl" diff | tail -n 12)
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt"
