"""scripts/bench: every case of BENCHMARKS.md against its floor and its peer in the same run.

Called by scripts/bench after the release build, with the folder of the built binaries. Generates the inputs into
.build-bench/ (deterministically), times each case with hyperfine, reads peak memory with GNU time, optionally
counts instructions with callgrind, and prints medians, ratios and the machine's load: what BENCHMARKS.md quotes.
Usage: python3 Benchmarks/bench.py BIN_DIR [--small] [--callgrind] [--only CASE[,CASE]]
"""
import argparse
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

from scale import scale_cases
from workloads import Emulator, big_script, one_agent_file, validate_files

root = pathlib.Path(__file__).resolve().parent.parent
work = root / ".build-bench"
venv_bin = root / ".build" / "venv" / "bin"
CASES = ["validate", "validate-one", "pull", "status-diff", "simulate", "scale"]


def load():
    return open("/proc/loadavg").read().split()[0]


WARMUP = [1]
FAILED = []
SMOKE = False  # at smoke sizes the targets mean nothing, so no verdict is printed


def hyperfine(named_commands, runs, cwd, prepare=None, warmup=1):
    """Medians (and the rest) of each command, timed in one hyperfine call so they share the machine's state."""
    out = work / f"hyperfine-{os.getpid()}.json"
    arguments = ["hyperfine", "--style", "none", "-i", "--warmup", str(min(warmup, WARMUP[0])), "--runs", str(runs),
                 "--export-json", str(out)]
    if prepare:
        arguments += ["--prepare", prepare]
    for name, command in named_commands:
        arguments += ["-n", name, command]
    finished = subprocess.run(arguments, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if finished.returncode != 0:
        sys.exit(f"hyperfine failed:\n{finished.stderr}")
    results = {result["command"]: result for result in json.loads(out.read_text())["results"]}
    for name, result in results.items():
        # agentctl's own failures are 2 and up (1 is findings or differences); 126 and 127: it did not start.
        if name.startswith("agentctl") and max(result["exit_codes"]) >= 2 or max(result["exit_codes"]) >= 126:
            FAILED.append(f"{name}: exit codes {sorted(set(result['exit_codes']))}")
    return results


def peak_mb(command, cwd, env=None):
    """Peak resident memory (max RSS) of one run, from GNU time."""
    finished = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", command + " >/dev/null 2>&1"], cwd=cwd,
                              env=env, capture_output=True, text=True)
    return int(finished.stderr.strip().splitlines()[-1]) / 1024


def instructions(command, cwd):
    """Instructions executed (callgrind's Ir, summed over threads): repeatable where wall time is not. The binary
    runs without its debug information, which valgrind 3.19 cannot read in Swift's builds."""
    stripped = work / ("callgrind-" + pathlib.Path(command[0]).name)
    subprocess.run(["strip", "--strip-debug", "-o", str(stripped), command[0]], check=True)
    finished = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(stripped)]
                              + command[1:], cwd=cwd, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", finished.stderr)
    return int(found.group(1)) if found else None


def table(title, results, peaks, load_before):
    print(f"\n### {title}  (load average {load_before} before, {load()} after)\n")
    print("| command | median [s] | min [s] | max [s] | cpu user+sys [s] | peak [MB] | exit |")
    print("|:---|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        peak = f"{peaks[name]:.1f}" if name in peaks else ""
        exits = ",".join(str(code) for code in sorted(set(result["exit_codes"])))
        print(f"| {name} | {result['median']:.4f} | {result['min']:.4f} | {result['max']:.4f} | "
              f"{result['user'] + result['system']:.4f} | {peak} | {exits} |")


def ratio_line(label, numerator, denominator, target=None, higher_is_better=False):
    if not denominator:
        # hyperfine takes its estimate of the shell's start-up off each time: on a loaded machine a floor can go to 0.
        print(f"- {label}: n/a (the denominator measured 0, under hyperfine's resolution)")
        return None
    value = numerator / denominator
    verdict = ""
    if target is not None and not SMOKE:
        met = value >= target if higher_is_better else value <= target
        verdict = f"  (target {'>=' if higher_is_better else '<='} {target}: {'met' if met else 'NOT met'})"
    print(f"- {label}: {value:.2f}{verdict}")
    return value


def case_validate(args, bins):
    files = validate_files(work, args.files)
    names = sorted(str(path) for path in files.glob("*.yaml"))
    schema = root / "schemas" / "agent.schema.json"
    floor = f"{work}/yaml-read {files}/*.yaml"
    commands = [(f"agentctl validate ({args.files} files)", f"{bins}/agentctl validate {files}"),
                (f"libyaml read floor ({args.files} files)", floor),
                (f"check-jsonschema ({args.files} files)", f"{venv_bin}/check-jsonschema --schemafile {schema} {files}/*.yaml")]
    before = load()
    results = hyperfine(commands, args.runs, work)
    peaks = {name: peak_mb(command, work) for name, command in commands}
    table(f"1. validate of {args.files} files", results, peaks, before)
    agent, floor_result, peer = (results[name] for name, _ in commands)
    ratio_line("check-jsonschema / agentctl", peer["median"], agent["median"], 50, higher_is_better=True)
    ratio_line("agentctl / libyaml floor (wall)", agent["median"], floor_result["median"], 3)
    if args.callgrind:
        counted = instructions([f"{bins}/agentctl", "validate", str(files)], work)
        floor_counted = instructions([f"{work}/yaml-read"] + names, work)
        print(f"- callgrind: agentctl {counted:,} instructions, floor {floor_counted:,}")
        ratio_line("agentctl / libyaml floor (instructions)", counted, floor_counted, 3)
    print(f"- peak memory of agentctl: {peaks[commands[0][0]]:.1f} MB (target < 50)")


def case_validate_one(args, bins):
    one = validate_files(work, args.files) / "agent-0000.yaml"
    commands = [("agentctl validate (1 file)", f"{bins}/agentctl validate {one}"),
                ("start-up floor (Swift, prints its version)", f"{bins}/startup-floor"),
                ("libyaml read floor (1 file)", f"{work}/yaml-read {one}"),
                ("check-jsonschema (1 file)", f"{venv_bin}/check-jsonschema --schemafile {root}/schemas/agent.schema.json {one}")]
    before = load()
    results = hyperfine(commands, args.runs * 3, work, warmup=3)
    peaks = {name: peak_mb(command, work) for name, command in commands}
    table("2. validate of one file", results, peaks, before)
    agent, startup, _, peer = (results[name] for name, _ in commands)
    ratio_line("agentctl / start-up floor (wall)", agent["median"], startup["median"], 1.5)
    ratio_line("check-jsonschema / agentctl", peer["median"], agent["median"])
    if args.callgrind:
        counted = instructions([f"{bins}/agentctl", "validate", str(one)], work)
        floor_counted = instructions([f"{bins}/startup-floor"], work)
        print(f"- callgrind: agentctl {counted:,} instructions, start-up floor {floor_counted:,}")
        ratio_line("agentctl / start-up floor (instructions)", counted, floor_counted, 1.5)
    print(f"- peak memory of agentctl: {peaks[commands[0][0]]:.1f} MB (target < 50)")


def network_floor(agents, latency_ms, concurrency, listed=True):
    """ceil(N / C) x L, plus a round trip for each list page of 100 when the command lists (pull does; status and
    diff get each tracked agent and list nothing)."""
    pages = max(1, math.ceil(agents / 100)) if listed else 0
    return (math.ceil(agents / concurrency) + pages) * latency_ms / 1000


def case_pull(args, bins):
    agents, latency, concurrency = args.pull_agents, args.pull_latency, 8
    repo = work / "pull-repo"
    with Emulator(bins, agents, latency) as emulator:
        env = emulator.environment()
        os.environ.update(env)
        commands = [(f"agentctl pull ({agents} agents, concurrency {concurrency})", f"{bins}/agentctl pull"),
                    (f"network floor, measured (Python, {concurrency} connections)",
                     f"python3 {root}/Benchmarks/floors/network_floor.py {concurrency}"),
                    ("SDK, sequential", f"{venv_bin}/python {root}/Benchmarks/pull/sdk_pull.py"),
                    (f"SDK, thread pool of {concurrency}", f"{venv_bin}/python {root}/Benchmarks/pull/sdk_pull.py {concurrency}")]
        before = load()
        results = hyperfine([(name, f"cd {repo} && {command}") for name, command in commands], args.network_runs,
                            work, prepare=f"rm -rf {repo} && mkdir -p {repo}")
        shutil.rmtree(repo, ignore_errors=True)
        repo.mkdir()
        peaks = {commands[0][0]: peak_mb(commands[0][1], repo)}
    table(f"3. pull of {agents} agents at {latency} ms a request", results, peaks, before)
    floor = network_floor(agents, latency, concurrency)
    print(f"- computed network floor: (ceil({agents}/{concurrency}) + {max(1, math.ceil(agents / 100))} list pages) x "
          f"{latency} ms = {floor:.3f} s")
    agent, measured, sequential, pooled = (results[name] for name, _ in commands)
    ratio_line("agentctl / computed network floor", agent["median"], floor, 1.25)
    ratio_line("agentctl / measured network floor", agent["median"], measured["median"])
    ratio_line("SDK sequential / agentctl", sequential["median"], agent["median"])
    ratio_line("SDK thread pool / agentctl", pooled["median"], agent["median"], 1.0, higher_is_better=True)
    print(f"- peak memory of agentctl pull: {peaks[commands[0][0]]:.1f} MB (target < 50)")


def case_status_diff(args, bins):
    agents, latency, concurrency = args.sync_agents, args.sync_latency, 8
    repo = work / "sync-repo"
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    with Emulator(bins, agents, latency) as emulator:
        env = emulator.environment()
        os.environ.update(env)
        subprocess.run([f"{bins}/agentctl", "pull"], cwd=repo, check=True, stdout=subprocess.DEVNULL)
        commands = [(f"agentctl status ({agents} agents)", f"{bins}/agentctl status"),
                    (f"agentctl diff ({agents} agents)", f"{bins}/agentctl diff"),
                    (f"network floor, measured (Python, {concurrency} connections)",
                     f"python3 {root}/Benchmarks/floors/network_floor.py {concurrency}")]
        before = load()
        results = hyperfine(commands, args.network_runs, repo)
        peaks = {name: peak_mb(command, repo) for name, command in commands[:2]}
    table(f"4. status and diff of {agents} agents at {latency} ms a request", results, peaks, before)
    floor = network_floor(agents, latency, concurrency, listed=False)
    print(f"- computed network floor: ceil({agents}/{concurrency}) x {latency} ms = {floor:.3f} s (no list pages)")
    for name, _ in commands[:2]:
        result = results[name]
        ratio_line(f"{name} / computed network floor", result["median"], floor, 1.25)
        per_agent = (result["user"] + result["system"]) / agents * 1000
        print(f"- {name}: local work (cpu user+sys) {per_agent:.3f} ms an agent (target < 1)")
        print(f"- peak memory of {name}: {peaks[name]:.1f} MB (target < 50)")


def case_simulate(args, bins):
    script = big_script(work, args.script_lines)
    agent = root / "agents" / "appointment-booking.yaml"
    monte = subprocess.run([f"{bins}/simulate-benchmark", str(root / "Benchmarks/simulate/twenty-turns.sim"),
                            str(args.calls), "5"], capture_output=True, text=True, check=True).stdout
    commands = [(f"agentctl simulate, {args.script_lines:,}-line script",
                 f"{bins}/agentctl simulate {agent} --script {script} --quiet"),
                (f"agentctl simulate --runs {args.calls} (20-turn script)",
                 f"{bins}/agentctl simulate {agent} --script {root}/Benchmarks/simulate/twenty-turns.sim --runs {args.calls}")]
    before = load()
    results = hyperfine(commands, args.runs, work)
    peaks = {name: peak_mb(command, work) for name, command in commands}
    table("6. simulate", results, peaks, before)
    print(f"- in-process Monte Carlo (simulate-benchmark): {monte.splitlines()[0]}")
    print(f"- {args.script_lines:,}-line script: {results[commands[0][0]]['median']:.3f} s (target < 0.5 s at 100,000 lines)")
    if args.callgrind:
        counted = instructions([f"{bins}/agentctl", "simulate", str(agent), "--script", str(script), "--quiet"], work)
        print(f"- callgrind: {args.script_lines:,}-line script, {counted:,} instructions")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bins")
    parser.add_argument("--small", action="store_true", help="CI smoke sizes: every case runs, nothing is judged")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions (slow)")
    parser.add_argument("--only", default=",".join(CASES))
    args = parser.parse_args()
    args.bins = str(pathlib.Path(args.bins).resolve())
    global work
    work = work / ("small" if args.small else "full")
    sizes = dict(files=50, runs=1, network_runs=1, pull_agents=20, pull_latency=5, sync_agents=20, sync_latency=5,
                 calls=100, script_lines=1_000, scale=[10, 100], file_sizes=[1_000, 100_000]) if args.small else \
        dict(files=1_000, runs=10, network_runs=3, pull_agents=200, pull_latency=50, sync_agents=1_000, sync_latency=20,
             calls=10_000, script_lines=100_000, scale=[100, 1_000, 10_000],
             file_sizes=[1_000, 100_000, 1_000_000, 10_000_000])
    for key, value in sizes.items():
        setattr(args, key, value)
    WARMUP[0] = 0 if args.small else 3
    global SMOKE
    SMOKE = args.small
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(["gcc", "-O2", "-o", str(work / "yaml-read"), str(root / "Benchmarks/floors/yaml-read.c"), "-lyaml",
                    "-lpthread"], check=True)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    version = subprocess.run([f"{args.bins}/agentctl", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"## scripts/bench{' --small' if args.small else ''}: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"machine: {os.cpu_count()} cores ({cpu}), load average {load()}, agentctl {version}, "
          f"{subprocess.run(['hyperfine', '--version'], capture_output=True, text=True).stdout.strip()}")
    chosen = args.only.split(",")
    steps = {"validate": case_validate, "validate-one": case_validate_one, "pull": case_pull,
             "status-diff": case_status_diff, "simulate": case_simulate,
             "scale": lambda a, b: scale_cases(a, b, work, hyperfine, load)}
    for name in chosen:
        steps[name](args, args.bins)
        sys.stdout.flush()
    if FAILED:
        sys.exit("commands that failed:\n" + "\n".join(FAILED))


if __name__ == "__main__":
    main()
