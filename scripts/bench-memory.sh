#!/usr/bin/env bash
# Peak memory of status, diff, push and pull against the API emulator (README "What sync guarantees", BENCHMARKS 7):
# 1,000 ordinary agents, or 150 agents with 1.1 MB prompts. Uses the release build (builds it if missing).
# Usage: scripts/bench-memory.sh ordinary|big
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-ordinary}"
case "$kind" in ordinary|big) ;; *) echo "usage: scripts/bench-memory.sh ordinary|big" >&2; exit 2 ;; esac
scripts/setup >/dev/null   # GNU time among them
for product in agentctl agentctl-emulator; do swift build -c release --product "$product" 2>&1 | grep -E "error:" >&2 || true; done
bin="$(swift build -c release --show-bin-path)"
generator="$PWD/scripts/generate-bench-agents.py"
work="$(mktemp -d)"
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/agentctl-emulator" --port 0 --api-key k >"$work/emulator.out" 2>/dev/null &
emulator_pid=$!
for _ in $(seq 50); do grep -q listening "$work/emulator.out" && break; sleep 0.1; done
export ELEVENLABS_API_KEY=k ELEVENLABS_BASE_URL="$(sed -n 's/^listening on //p' "$work/emulator.out")"
mkdir -p "$work/agents"
if [ "$kind" = big ]; then
  python3 - "$work/agents" <<'PY'
import sys, pathlib
out = pathlib.Path(sys.argv[1])
line = "        Rule {}: answer briefly and politely, and never promise what you cannot keep.\n"
for i in range(150):
    body = "".join(line.format(n) for n in range(13000))
    (out / f"agent-{i:03d}.yaml").write_text(f"name: Agent {i:03d}\nconversation_config:\n  agent:\n    prompt:\n      prompt: |\n{body}")
PY
else
  # The generator's agents, less those that name tool files (this folder has none), 1,000 of them.
  python3 "$generator" 1334 "$work/agents"
  grep -l "tool:" "$work/agents"/*.yaml | xargs rm -f
  ls "$work/agents"/*.yaml | tail -n +1001 | xargs -r rm -f
fi
echo "$(ls "$work/agents" | wc -l) agent files, $(du -sh "$work/agents" | cut -f1)"
cd "$work"
"$bin/agentctl" push --yes --concurrency 8 >"$work/setup.out" 2>&1 || { echo "setup push failed:" >&2; tail -3 "$work/setup.out" >&2; }
for command in status diff "push --yes" pull; do
  /usr/bin/time -f "%M KB %e s" -o "$work/time" "$bin/agentctl" $command >/dev/null 2>"$work/err" || true
  echo "$kind $command: peak $(tail -1 "$work/time")"
done
