"""The harness cannot hurt a machine: ./dev refuses a DS_BENCH_DIR it did not create,
and `./dev stop` signals only the server whose process group it recorded."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

DEV = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "dev"))


def dev(*args, bench_dir) -> subprocess.CompletedProcess:
	env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "DS_BENCH_DIR": str(bench_dir)}
	return subprocess.run([DEV, *args], env=env, capture_output=True, text=True, timeout=60)


def listing(folder) -> dict:
	return {
		os.path.relpath(os.path.join(root, name), folder): Path(root, name).read_bytes()
		for root, _dirs, files in os.walk(folder)
		for name in files
	}


@pytest.mark.parametrize(
	"command", [["up"], ["up", "--fresh"], ["test"], ["sync"], ["demo"], ["stop"], ["bench", "version"]]
)
def test_a_mistyped_bench_dir_naming_an_existing_folder_is_refused_and_left_intact(tmp_path, command):
	folder = tmp_path / "photos"
	(folder / "2025").mkdir(parents=True)
	(folder / "2025" / "holiday.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
	(folder / "notes.txt").write_text("keep me")
	before = listing(folder)
	result = dev(*command, bench_dir=folder)
	assert result.returncode != 0
	assert "is not a bench made by ./dev: refusing to touch it" in result.stderr
	assert listing(folder) == before


def test_a_bench_that_another_tool_made_is_refused(tmp_path):
	bench = tmp_path / "frappe-bench"
	for sub in ("apps/frappe", "sites", "env/bin"):
		(bench / sub).mkdir(parents=True)
	(bench / "sites" / "common_site_config.json").write_text("{}")
	result = dev("up", bench_dir=bench)
	assert result.returncode != 0 and "refusing to touch it" in result.stderr
	assert (bench / "sites" / "common_site_config.json").read_text() == "{}"


def started_at(pid: int) -> str:
	return subprocess.run(
		["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True
	).stdout.split()


@pytest.fixture
def marked_bench(tmp_path):
	"""A folder marked as made by ./dev, with a process group standing in for its server."""
	(tmp_path / ".dual_system").mkdir()
	(tmp_path / ".dual_system" / "created-by-dev").touch()
	server = subprocess.Popen(["sleep", "120"], start_new_session=True)
	yield tmp_path, server
	if server.poll() is None:
		os.killpg(server.pid, signal.SIGKILL)
	server.wait()


def record(bench, pid: int, start: str):
	(bench / ".dual_system" / "serve.pid").write_text(f"{pid} {start}\n")


def test_stop_leaves_a_process_that_only_reuses_the_recorded_id(marked_bench):
	bench, server = marked_bench
	record(bench, server.pid, "Thu Jan 1 00:00:00 1970")
	assert dev("stop", bench_dir=bench).returncode == 0
	time.sleep(0.5)
	assert server.poll() is None
	assert not (bench / ".dual_system" / "serve.pid").exists()


def test_stop_ends_the_recorded_server_group(marked_bench):
	bench, server = marked_bench
	record(bench, server.pid, " ".join(started_at(server.pid)))
	result = dev("stop", bench_dir=bench)
	assert result.returncode == 0, result.stderr
	assert server.wait(timeout=15) == -signal.SIGTERM
