"""scripts/install and scripts/quickstart into a temporary prefix; the installed agentctl runs with no Swift on PATH.

One release build (a few minutes the first time), shared by every test here."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import REPOSITORY
from test_pre_commit_hook import commit_count, git, install_pre_commit, new_repository


@pytest.fixture(scope="module")
def prefix(tmp_path_factory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("prefix")
    result = subprocess.run([str(REPOSITORY / "scripts" / "install")], env={**os.environ, "PREFIX": str(folder)},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture(scope="module")
def without_swift(tmp_path_factory, prefix) -> dict:
    """An environment whose PATH is the prefix's bin and the system's tools, every swift* program left out."""
    tools = tmp_path_factory.mktemp("tools")
    for folder in ("/usr/bin", "/bin"):
        for program in pathlib.Path(folder).iterdir():
            if not program.name.startswith("swift") and not (tools / program.name).exists():
                (tools / program.name).symlink_to(program)
    path = f"{prefix / 'bin'}{os.pathsep}{tools}"
    assert shutil.which("swift", path=path) is None and shutil.which("swiftc", path=path) is None
    env = {name: value for name, value in os.environ.items() if not name.startswith(("AGENTCTL", "SWIFT"))}
    return {**env, "PATH": path}


def test_the_installed_agentctl_runs_without_swift_and_names_its_commit(prefix, without_swift):
    binary = prefix / "bin" / "agentctl"
    assert "libswift" not in subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPOSITORY, capture_output=True,
                            text=True, check=True).stdout.strip()
    version = subprocess.run(["agentctl", "--version"], env=without_swift, capture_output=True, text=True)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith(f"0.1.0 (commit {commit}"), version.stdout
    checked = subprocess.run(["agentctl", "validate", "agents"], cwd=REPOSITORY, env=without_swift,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems" in checked.stdout


def test_completions_and_the_man_page_are_installed(prefix, without_swift):
    share = prefix / "share"
    assert "-F _agentctl agentctl" in (share / "bash-completion/completions/agentctl").read_text()
    assert (share / "zsh/site-functions/_agentctl").read_text().startswith("#compdef agentctl")
    assert "complete -c 'agentctl'" in (share / "fish/vendor_completions.d/agentctl.fish").read_text()
    page = subprocess.run(["man", "-l", "-P", "cat", str(share / "man/man1/agentctl.1")], env=without_swift,
                          capture_output=True, text=True)
    assert page.returncode == 0 and page.stderr == "", page.stderr
    assert "agentctl — Keep ElevenLabs voice agents" in page.stdout
    assert "validate" in page.stdout and "EXIT CODES" in page.stdout


def test_the_pre_commit_hook_init_writes_uses_the_installed_agentctl(tmp_path, without_swift):
    environment = {**without_swift, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
                   "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for role in ("AUTHOR", "COMMITTER"):
        environment[f"GIT_{role}_NAME"] = "agentctl tests"
        environment[f"GIT_{role}_EMAIL"] = "tests@agentctl.invalid"
    project = new_repository(tmp_path / "project", environment)
    assert subprocess.run(["agentctl", "init"], cwd=project, env=environment).returncode == 0
    install_pre_commit(project, environment)
    agent = project / "agents" / "front-desk.yaml"
    agent.write_text(agent.read_text().replace("turn_timeout: 7\n", "turn_timeout: 45\n"))
    git(project, environment, "add", "--all")
    blocked = git(project, environment, "commit", "-m", "Set up agents", check=False)
    assert blocked.returncode != 0
    assert "agents/front-desk.yaml:" in blocked.stdout + blocked.stderr and "[range]" in blocked.stdout + blocked.stderr
    assert commit_count(project, environment) == 0


def test_quickstart_ends_with_the_line_that_puts_agentctl_on_path(prefix):
    outside = {**os.environ, "PREFIX": str(prefix)}
    last = subprocess.run([str(REPOSITORY / "scripts" / "quickstart")], env=outside, capture_output=True, text=True)
    assert last.returncode == 0, last.stdout + last.stderr
    assert "4 files checked, no problems" in last.stdout
    assert last.stdout.splitlines()[-1] == f'  export PATH="{prefix}/bin:$PATH"'
    inside = {**outside, "PATH": f"{prefix / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    on_path = subprocess.run([str(REPOSITORY / "scripts" / "quickstart")], env=inside, capture_output=True, text=True)
    assert on_path.stdout.splitlines()[-1] == f"agentctl is on your PATH: {prefix}/bin/agentctl"
