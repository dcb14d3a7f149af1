"""Target 5: how validate, pull and diff grow with the number of agents, and validate with the size of one file.

The slope between two sizes is log(t2 / t1) / log(n2 / n1): 1 is linear, 2 quadratic. Pull and diff run against
the emulator with no added latency, so the curve is agentctl's (and the emulator's) work, not the network's.
"""
import math
import shutil
import subprocess

from workloads import Emulator, one_agent_file, validate_files


def slopes(label, sizes, results):
    """Slopes of the wall median and of the CPU time (user + system, mean): CPU time moves far less with the load
    of a shared machine, so it is the curve to read when the machine is busy."""
    for kind, times in (("wall", [r["median"] for r in results]), ("cpu", [r["user"] + r["system"] for r in results])):
        pairs = list(zip(sizes, times))
        parts = [f"{label} ({kind}): " + ", ".join(f"{size:,} -> {time:.3f} s" for size, time in pairs)]
        for (n1, t1), (n2, t2) in zip(pairs, pairs[1:]):
            parts.append(f"slope {n1:,}->{n2:,}: {math.log(t2 / t1) / math.log(n2 / n1):.2f}")
        print("- " + "; ".join(parts))


def scale_cases(args, bins, work, hyperfine, load):
    before = load()
    print(f"\n### 5. scale (load average {before} before)\n")
    validated = []
    for count in args.scale:
        folder = validate_files(work, count)
        validated.append(hyperfine([("validate", f"{bins}/agentctl validate {folder}")], args.runs, work)["validate"])
    slopes("validate, files", args.scale, validated)

    pulls, diffs = [], []
    for count in args.scale:
        repo = work / f"scale-repo-{count}"
        with Emulator(bins, count, 0) as emulator:
            env = emulator.environment()
            prefix = f"ELEVENLABS_API_KEY={env['ELEVENLABS_API_KEY']} ELEVENLABS_BASE_URL={env['ELEVENLABS_BASE_URL']}"
            pulled = hyperfine([("pull", f"cd {repo} && {prefix} {bins}/agentctl pull")], max(1, args.network_runs), work,
                               prepare=f"rm -rf {repo} && mkdir -p {repo}")
            pulls.append(pulled["pull"])
            shutil.rmtree(repo, ignore_errors=True)
            repo.mkdir()
            subprocess.run(f"{prefix} {bins}/agentctl pull", shell=True, cwd=repo, check=True, stdout=subprocess.DEVNULL)
            diffs.append(hyperfine([("diff", f"{prefix} {bins}/agentctl diff")], max(1, args.network_runs), repo)["diff"])
        shutil.rmtree(repo, ignore_errors=True)
    slopes("pull, agents (no latency)", args.scale, pulls)
    slopes("diff, agents (no latency)", args.scale, diffs)

    one = []
    for size in args.file_sizes:
        path = one_agent_file(work, size)
        one.append(hyperfine([("one", f"{bins}/agentctl validate {path}")], args.runs, work)["one"])
    slopes("validate, one file of bytes", args.file_sizes, one)
    print(f"- load average after: {load()}")
