"""pytest against a real Frappe site.

`./dev test` builds a fresh site and runs pytest from the bench's ``sites``
folder with ``DS_TEST_SITE`` naming it. The session connects once and refuses
to run on a site without ``allow_tests``.

Three isolation models (pick one per test file):
- database tests: the ``db`` fixture rolls back after each test;
- HTTP tests: real users with passwords on a committed dataset the test module
  creates and removes (``committed`` fixture, see ds_testkit.CommittedData);
- destructive checks: a throwaway site (``throwaway_site`` fixture).
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import frappe

CORE = os.path.join(os.path.dirname(__file__), "core")


def pytest_configure(config):
	site = os.environ.get("DS_TEST_SITE")
	if not site:
		# the pure-core tables (tests/core) run without a site; everything else is skipped
		sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
		config.ds_without_site = True
		return
	config.ds_without_site = False
	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	if not frappe.conf.get("allow_tests"):
		frappe.destroy()
		pytest.exit(
			f"site {site} does not allow tests (bench --site {site} set-config allow_tests true)",
			returncode=2,
		)
	frappe.set_user("Administrator")
	frappe.flags.in_test = True
	ensure_site_administrator()


def ensure_site_administrator():
	"""A real site always has a human System Manager besides Administrator. Without
	one, Frappe gives System Manager to the next user created ("there must be at least
	one System Manager"), and a test user would read everything."""
	email = "site.admin@example.com"
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": "Site Admin",
				"send_welcome_email": 0,
				"roles": [{"role": "System Manager"}],
			}
		)
		user.insert(ignore_permissions=True)
		frappe.db.commit()


def pytest_unconfigure(config):
	if getattr(frappe.local, "site", None) and not config.ds_without_site:
		frappe.db.rollback()
		frappe.destroy()


@pytest.fixture
def db():
	"""Database test: everything it writes is rolled back afterwards."""
	frappe.set_user("Administrator")
	frappe.db.rollback()
	yield frappe.db
	frappe.db.rollback()
	frappe.set_user("Administrator")
	frappe.local.response = frappe._dict()
	frappe.clear_messages()
	from dual_system.permissions import clear_scope_cache

	clear_scope_cache()


@pytest.fixture(scope="module")
def demo_plant():
	"""The DOMAIN.md §9.1 plant, built once for a test module and rolled back at its end.
	Tests using it take the ``savepoint`` fixture so each one's own writes are undone."""
	from dual_system.setup.demo import build_demo_plant

	frappe.db.rollback()
	plant = build_demo_plant()
	yield plant
	frappe.db.rollback()
	frappe.set_user("Administrator")


@pytest.fixture(scope="session")
def demo():
	"""The demo plant of DOMAIN.md §9.1 loaded and committed as ``./dev up`` loads it
	(demo users with their ERPNext User Permissions, every assessment approved through
	the workflow). Loading is idempotent; the demo stays on the test site."""
	from dual_system.setup.demo import build_demo_plant

	frappe.db.rollback()
	plant = build_demo_plant()
	frappe.db.commit()
	frappe.set_user("Administrator")
	return plant


@pytest.fixture(scope="session")
def training_demo(demo):
	"""The training module's demo (DOMAIN.md §7: the group with two branch companies,
	the session of 15 September 2018, requirements, the leading group, construction
	plans) loaded on top of the demo plant and committed, as ``./dev up`` loads it."""
	from dual_system.setup.demo_training import build_training_demo

	frappe.db.rollback()
	data = build_training_demo(demo)
	frappe.db.commit()
	frappe.set_user("Administrator")
	return data


@pytest.fixture(scope="session")
def inspection_demo(demo):
	"""The investigation demo (plans of every demo risk point, last month's tasks answered
	or missed) loaded on top of the demo plant and committed, as ``./dev up`` loads it."""
	from dual_system.setup.demo_inspection import build_inspection_demo

	frappe.db.rollback()
	data = build_inspection_demo(demo)
	frappe.db.commit()
	frappe.set_user("Administrator")
	return data


@pytest.fixture
def savepoint():
	"""Undo what one test writes on top of module data that is not committed (demo_plant)."""
	frappe.set_user("Administrator")
	frappe.db.savepoint("ds_test")
	yield
	frappe.db.rollback(save_point="ds_test")
	frappe.set_user("Administrator")
	from dual_system.permissions import clear_scope_cache

	clear_scope_cache()


@pytest.fixture
def as_user():
	"""Switch the session user inside a database test: ``as_user(email)``."""

	def switch(user):
		frappe.set_user(user)

	yield switch
	frappe.set_user("Administrator")


@pytest.fixture(scope="session")
def org():
	"""Committed departments, users and employees for every safety role (see ds_testkit.Org)."""
	from ds_testkit import Org

	organisation = Org().build()
	yield organisation
	organisation.cleanup()


@pytest.fixture(scope="session")
def throwaway_site():
	"""A separate site with dual_system installed, dropped at the end: uninstall, reinstall, migrate."""
	from ds_testkit import ThrowawaySite

	site = ThrowawaySite()
	site.create()
	yield site
	site.drop()


def pytest_collection_modifyitems(config, items):
	"""Destructive checks last: they take the longest and touch another site. Without a
	site, only the pure-core tables run."""
	if config.ds_without_site:
		skip = pytest.mark.skip(reason="needs a site: run the suite with ./dev test")
		for item in items:
			if not str(item.fspath).startswith(CORE):
				item.add_marker(skip)
	items.sort(key=lambda item: item.get_closest_marker("destructive") is not None)
