"""scripts/setup on a Debian machine whose python3 has no venv support: it installs python3-venv, updating apt first.

apt-get, dpkg-query, sudo and swift are stand-ins that record their calls; python3 is the real interpreter with
`ensurepip` hidden, as on Debian without the python3-venv package."""
import os
import pathlib
import stat
import subprocess
import sys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def stub(folder: pathlib.Path, name: str, body: str):
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def run_setup(tmp_path: pathlib.Path, venv_available: bool) -> list[str]:
    stubs, hidden = tmp_path / "bin", tmp_path / "hidden"
    stubs.mkdir()
    hidden.mkdir()
    log = tmp_path / "apt.log"
    stub(stubs, "apt-get", f'echo "$*" >> "{log}"')
    stub(stubs, "dpkg-query", 'echo "install ok installed"')
    stub(stubs, "sudo", 'exec "$@"')
    stub(stubs, "swift", "exit 0")
    if not venv_available:
        (hidden / "ensurepip.py").write_text('raise ImportError("ensurepip is in python3-venv")\n')
    stub(stubs, "python3", f'PYTHONPATH="{hidden}" exec "{sys.executable}" "$@"')
    env = {**os.environ, "PATH": f"{stubs}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    result = subprocess.run([str(REPOSITORY / "scripts" / "setup")], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return log.read_text().splitlines() if log.exists() else []


def test_setup_installs_python3_venv_when_python_cannot_make_a_venv(tmp_path):
    assert run_setup(tmp_path, venv_available=False) == ["update -qq", "install -y -qq python3-venv"]


def test_setup_installs_nothing_when_everything_is_there(tmp_path):
    assert run_setup(tmp_path, venv_available=True) == []
