"""Browser tests: the desk as the demo plant's people see it, in Debian's Chromium.

The test site is served for the session by Frappe's own development server
(``bench --site <test site> serve``) on ``DS_TEST_PORT``, started and stopped here by
its process group; the demo plant (dual_system.setup.demo) is loaded into the test
site once and kept (the ``demo`` fixture of tests/conftest.py, shared with the HTTP
tests of the roles). Screenshots go to
``DS_ARTIFACTS`` (./dev: ``artifacts/`` of the checkout), named by user and page.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import frappe
import pytest
from desk_tab import Desk

CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-first-run",
]


def _port_in_use(port: int) -> bool:
	with socket.socket() as s:
		s.settimeout(0.5)
		return s.connect_ex(("127.0.0.1", port)) == 0


def _answers(url: str) -> bool:
	try:
		with urllib.request.urlopen(f"{url}/api/method/ping", timeout=2) as response:
			return response.status == 200
	except OSError:
		return False


@pytest.fixture(scope="session")
def served_site():
	"""The test site served over HTTP for the session; yields its base URL."""
	port = int(os.environ.get("DS_TEST_PORT") or 8012)
	if _port_in_use(port):
		pytest.fail(f"port {port} is already in use: set DS_TEST_PORT to a free port")
	sites = os.getcwd()
	log_path = os.path.join(sites, "..", "logs", f"ds-browser-serve-{port}.log")
	url = f"http://127.0.0.1:{port}"
	with open(log_path, "ab") as log:
		# CI=1: Frappe's server runs without the reloader and without the interactive debugger
		server = subprocess.Popen(
			[
				*(sys.executable, "-m", "frappe.utils.bench_helper", "frappe"),
				*("--site", frappe.local.site, "serve", "--port", str(port), "--noreload"),
			],
			cwd=sites,
			stdout=log,
			stderr=subprocess.STDOUT,
			stdin=subprocess.DEVNULL,
			env={**os.environ, "CI": "1"},
			start_new_session=True,
		)
	try:
		deadline = time.monotonic() + 60
		while not _answers(url):
			if server.poll() is not None or time.monotonic() > deadline:
				with open(log_path, errors="replace") as f:
					tail = f.read()[-3000:]
				pytest.fail(f"the test site did not start on :{port}:\n{tail}")
			time.sleep(0.5)
		yield url
	finally:
		_stop(server)


def _stop(server: subprocess.Popen):
	"""Stop the server's process group (it was started in a session of its own)."""
	if server.poll() is not None:
		return
	os.killpg(server.pid, signal.SIGTERM)
	try:
		server.wait(timeout=15)
	except subprocess.TimeoutExpired:
		os.killpg(server.pid, signal.SIGKILL)
		server.wait(timeout=15)


@pytest.fixture(scope="session")
def demo_site(served_site, demo):
	"""The served test site with the demo plant committed (tests/conftest.py ``demo``)."""
	frappe.clear_cache()
	return frappe._dict(url=served_site, plant=demo)


@pytest.fixture(scope="session")
def browser():
	from playwright.sync_api import sync_playwright

	with sync_playwright() as playwright:
		chromium = playwright.chromium.launch(
			executable_path=os.environ.get("DS_CHROMIUM") or "/usr/bin/chromium", args=CHROMIUM_ARGS
		)
		yield chromium
		chromium.close()


@pytest.fixture
def desk(browser, demo_site):
	"""``desk(user, password, label)`` opens a logged-in tab; all are closed afterwards."""
	opened = []

	def open_desk(user: str, password: str, label: str | None = None) -> Desk:
		tab = Desk(browser, demo_site.url, user, password, label or user.split("@")[0])
		opened.append(tab)
		return tab

	yield open_desk
	for tab in opened:
		tab.close()
