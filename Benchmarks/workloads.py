"""The inputs scripts/bench times, generated the same way on every run, and the emulator it times against."""
import pathlib
import re
import shutil
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parent.parent
KEY = "bench-key"


def validate_files(work, count):
    """COUNT realistic agent files (the example agents, renamed, timings varied) in work/project-COUNT/agents, with
    the example tools/ and tests/ beside them, which the agents name."""
    project = work / f"project-{count}"
    folder = project / "agents"
    if not (folder / f"agent-{count - 1:04d}.yaml").exists():
        subprocess.run([sys.executable, str(root / "scripts/generate-bench-agents.py"), str(count), str(folder)],
                       check=True)
        for beside in ["tools", "tests"]:
            shutil.copytree(root / beside, project / beside, dirs_exist_ok=True)
    return folder


def one_agent_file(work, size):
    """One valid agent file of about SIZE bytes: the support-desk example with its prompt grown line by line, in a
    project of its own beside the example tools/ and tests/."""
    path = work / f"project-one-{size}" / "agents" / "support-desk.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    for beside in ["tools", "tests"]:
        shutil.copytree(root / beside, path.parent.parent / beside, dirs_exist_ok=True)
    if path.exists():
        return path
    text = (root / "agents" / "support-desk.yaml").read_text()
    line = "        Answer in two or three sentences; callers cannot re-read what you say, so keep it short.\n"
    lines = max(0, size - len(text)) // len(line)
    grown = re.sub(r"(?m)^(      prompt: \|\n)", lambda m: m.group(1) + line * lines, text, count=1)
    path.write_text(grown)
    return path


def big_script(work, lines):
    """A simulator script of LINES lines: the 20-turn benchmark call's user and agent lines, repeated."""
    path = work / f"script-{lines}.sim"
    if path.exists():
        return path
    source = (root / "Benchmarks/simulate/twenty-turns.sim").read_text().splitlines()
    turns = [line for line in source if line.startswith(("user", "agent"))]
    path.write_text("".join(turns[index % len(turns)] + "\n" for index in range(lines)))
    return path


class Emulator:
    """agentctl-emulator on a free port with AGENTS seeded agents and LATENCY_MS on every request."""

    def __init__(self, bins, agents, latency_ms):
        arguments = [f"{bins}/agentctl-emulator", "--port", "0", "--api-key", KEY, "--seed-agents", str(agents),
                     "--exit-on-stdin-close"]
        if latency_ms:
            arguments += ["--latency-ms", str(latency_ms)]
        self.arguments = arguments

    def __enter__(self):
        self.process = subprocess.Popen(self.arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + 60
        line = self.process.stdout.readline()
        while not line.startswith("listening on ") and time.monotonic() < deadline:
            line = self.process.stdout.readline()
        self.url = line.removeprefix("listening on ").strip()
        return self

    def environment(self):
        return {"ELEVENLABS_API_KEY": KEY, "ELEVENLABS_BASE_URL": self.url}

    def __exit__(self, *_):
        self.process.stdin.close()
        self.process.terminate()
        self.process.wait()

