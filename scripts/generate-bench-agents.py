#!/usr/bin/env python3
"""Writes N valid agent files for the validate benchmark: the example agents, renamed and with varied timings."""
import pathlib
import re
import sys

count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
examples = sorted((pathlib.Path(__file__).resolve().parent.parent / "agents").glob("*.yaml"))
out.mkdir(parents=True, exist_ok=True)
for index in range(count):
    text = examples[index % len(examples)].read_text()
    text = re.sub(r"(?m)^name: .*$", f"name: Agent {index:04d}", text, count=1)
    text = re.sub(r"(?m)^(\s+turn_timeout: ).*$", lambda m: f"{m.group(1)}{1 + index % 30}", text)
    # The example agents live in agents/; the modeline's relative path stays as it is.
    (out / f"agent-{index:04d}.yaml").write_text(text)
