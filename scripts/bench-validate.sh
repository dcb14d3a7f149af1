#!/usr/bin/env bash
# Benchmark: `agentctl validate` (release build) against check-jsonschema with the generated schema, in the same
# run, on 1,000 generated agent files and on one file. Times from hyperfine; peak memory (max RSS) from GNU time.
# Usage: scripts/bench-validate.sh [COUNT]   (default 1000). Rerunnable; writes nothing outside a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"

scripts/setup
for tool in hyperfine time; do
  dpkg-query -W -f='${Status}' "$tool" 2>/dev/null | grep -q "install ok installed" || {
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  }
done
scripts/python-tools
export PATH="$PWD/.build/venv/bin:$PATH"   # check-jsonschema

swift build -c release --product agentctl 2>&1 | tail -n 1
agentctl="$(swift build -c release --show-bin-path)/agentctl"
schema="$PWD/schemas/agent.schema.json"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-bench-agents.py "$count" "$work/agents"
one="$work/agents/agent-0000.yaml"

# Both tools must accept every file before their times mean anything.
"$agentctl" validate "$work/agents" >/dev/null
check-jsonschema --schemafile "$schema" "$work"/agents/*.yaml >/dev/null

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(uname -sr)"
echo "== $("$agentctl" --version) agentctl, $(check-jsonschema --version)"
cd "$work"
hyperfine --warmup 3 --runs 20 --export-markdown "$work/times.md" \
  -n "agentctl validate ($count files)" "$agentctl validate agents" \
  -n "check-jsonschema ($count files)" "check-jsonschema --schemafile $schema agents/*.yaml" \
  -n "agentctl validate (1 file)" "$agentctl validate $one" \
  -n "check-jsonschema (1 file)" "check-jsonschema --schemafile $schema $one"
cat "$work/times.md"

echo
echo "| Command | Peak memory (max RSS) |"
echo "| --- | --- |"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
echo "| agentctl validate ($count files) | $(peak "$agentctl" validate agents) KB |"
echo "| check-jsonschema ($count files) | $(peak check-jsonschema --schemafile "$schema" agents/*.yaml) KB |"
echo "| agentctl validate (1 file) | $(peak "$agentctl" validate "$one") KB |"
echo "| check-jsonschema (1 file) | $(peak check-jsonschema --schemafile "$schema" "$one") KB |"
