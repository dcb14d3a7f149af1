#!/usr/bin/env bash
# Benchmark: `agentctl validate` (release build) on 1 MB files of ten adversarial shapes, in each output format.
# Prints the best of RUNS CPU times (user + system) per shape and format (the README's "Guarantees" numbers);
# CPU time, not wall-clock time, since the machine the numbers come from is shared.
# Usage: scripts/bench-shapes.sh [RUNS]   (default 3). Rerunnable; writes nothing outside a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

swift build -c release --product agentctl 2>&1 | tail -n 1
agentctl="$(swift build -c release --show-bin-path)/agentctl"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
MB = 1_000_000
def write(name, text):
    with open(f"{work}/{name}.yaml", "w", encoding="utf-8", newline="") as f:
        f.write(text)
def repeat(line, start=""):
    # As many numbered lines as fit in 1 MB.
    out, size, n = [start], len(start), 0
    while size < MB:
        out.append(line(n)); size += len(out[-1]); n += 1
    return "".join(out)
write("list", repeat(lambda n: f"  - t{n}\n", "name: x\ntags:\n"))
write("map-keys", repeat(lambda n: f"        k{n}: v\n",
      "name: x\nconversation_config:\n  agent:\n    dynamic_variables:\n      dynamic_variable_placeholders:\n"))
write("long-value", "name: x\nconversation_config:\n  agent:\n    prompt:\n      prompt: " + "a" * MB + "\n")
write("long-key", "name: x\n" + "k" * MB + ": 1\n")
write("flow-mapping", "name: x\nworkflow: {" + repeat(lambda n: f"k{n}: [1, {{a: b}}], ") + "end: 1}\n")
write("nested-lists", repeat(lambda n: "    - " + "[" * 30 + "x" + "]" * 30 + "\n", "name: x\nworkflow:\n  nested:\n"))
write("crlf", repeat(lambda n: f"  - t{n}\r\n", "name: x\r\ntags:\r\n"))
write("block-scalar", repeat(lambda n: f"        line {n} of a long prompt\n",
      "name: x\nconversation_config:\n  agent:\n    prompt:\n      prompt: |\n"))
write("errors", repeat(lambda n: f"  - {{tag: value-{n:08}}}\n", "name: x\ntags:\n"))
write("unknown-keys", repeat(lambda n: f"k{n}: 1\n", "name: x\n"))
EOF

echo "== machine: $(nproc) cores, $(uname -sr); CPU seconds (user + system), best of $runs runs"
python3 - "$agentctl" "$work" "$runs" <<'EOF'
import glob, os, subprocess, sys
agentctl, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def cpu_seconds(args):
    # CPU time (user + system) of the run: on a shared machine it varies far less than wall-clock time.
    child = subprocess.Popen(args, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime
print(f"{'shape':<14} {'KB':>6} {'text':>6} {'json':>6} {'github':>6}")
for path in sorted(glob.glob(f"{work}/*.yaml")):
    times = [min(cpu_seconds([agentctl, "validate", "--format", format, path]) for _ in range(runs))
             for format in ("text", "json", "github")]
    name = os.path.basename(path)[:-5]
    print(f"{name:<14} {os.path.getsize(path) // 1000:>6} " + " ".join(f"{t:>6.2f}" for t in times), flush=True)
EOF
