"""bench commands of the app: the steps of the developer harness (./dev) that need Frappe.

Frappe lists them from ``commands`` below for every site of a bench whose ``apps.txt``
names dual_system, whether or not the site has the app installed (the ERPNext base
site has not). Database admin credentials come from a MariaDB option file (``[client]``
``user`` and ``password``, mode 600) so they never appear on a command line.

    bench ds-new-site SITE --db-defaults-file F [--source-sql DUMP] [--install-app APP]
    bench ds-drop-site SITE --db-defaults-file F
    DS_REDIS_URL=… bench ds-set-redis
    bench --site S ds-complete-setup-wizard [--language en|zh]
    bench --site S ds-dump-database OUT.sql.gz
    bench --site S ds-export-types
    bench --site S ds-benchmark [--size 5000] [--repeat 9] [--output FILE.json]
    bench --site S ds-benchmark-inspection [--plans 2000] [--repeat 3] [--output FILE.json]
    bench --site S ds-benchmark-hazards [--size 100000] [--repeat 9] [--output FILE.json]
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import tempfile

import click
import frappe
from frappe.commands import get_site, pass_context

DEFAULTS_FILE = click.Path(exists=True, dir_okay=False)


def read_option_file(path: str) -> tuple[str, str]:
	"""User and password of the ``[client]`` group of a MariaDB option file."""
	values, group = {}, None
	with open(path) as f:
		for line in f:
			line = line.strip()
			if not line or line[0] in "#;":
				continue
			if line.startswith("["):
				group = line.strip("[]").strip()
				continue
			if group == "client" and "=" in line:
				key, value = (part.strip() for part in line.split("=", 1))
				if len(value) >= 2 and value[0] == value[-1] == '"':
					value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
				values[key] = value
	if not values.get("user") or not values.get("password"):
		raise click.UsageError(f"{path} names no [client] user and password")
	return values["user"], values["password"]


def write_option_file(user: str, password: str) -> str:
	"""A temporary option file only this user can read (mkstemp creates it with mode 600)."""
	fd, path = tempfile.mkstemp(prefix="ds-db-", suffix=".cnf")
	escaped = password.replace("\\", "\\\\").replace('"', '\\"')
	with os.fdopen(fd, "w") as f:
		f.write(f'[client]\nuser = {user}\npassword = "{escaped}"\n')
	return path


def connected(site: str):
	frappe.init(site=site)
	frappe.connect()


@click.command("ds-new-site")
@click.argument("site")
@click.option("--db-defaults-file", required=True, type=DEFAULTS_FILE, help="option file of a MariaDB admin")
@click.option("--admin-password", default="admin", help="Administrator password of the new site")
@click.option("--source-sql", help="start the database from this dump (.sql or .sql.gz)")
@click.option("--install-app", multiple=True, help="app to install after creating the site")
@click.option(
	"--encryption-key-from", type=DEFAULTS_FILE, help="site_config.json whose encryption_key to take"
)
@click.pass_context
def new_site(ctx, site, db_defaults_file, admin_password, source_sql, install_app, encryption_key_from):
	"""bench new-site, with the database admin read from an option file."""
	from frappe.commands.site import new_site as frappe_new_site
	from frappe.installer import update_site_config

	user, password = read_option_file(db_defaults_file)
	ctx.invoke(
		frappe_new_site,
		site=site,
		db_root_username=user,
		db_root_password=password,
		admin_password=admin_password,
		source_sql=source_sql,
		install_app=install_app,
	)
	if encryption_key_from:
		# a site restored from another site's dump needs that site's key for encrypted fields
		key = frappe.get_file_json(encryption_key_from).get("encryption_key")
		if key:
			update_site_config("encryption_key", key, site_config_path=os.path.join(site, "site_config.json"))


@click.command("ds-drop-site")
@click.argument("site")
@click.option("--db-defaults-file", required=True, type=DEFAULTS_FILE, help="option file of a MariaDB admin")
def drop_site(site, db_defaults_file):
	"""Drop a site's database and user and remove its folder, without a backup.

	Frappe moves a dropped site's folder into ``archived/sites``; here it goes into a
	temporary folder this command creates and then removes."""
	from frappe.commands.site import _drop_site

	user, password = read_option_file(db_defaults_file)
	archive = tempfile.mkdtemp(prefix="ds-dropped-", dir=os.path.abspath(".."))
	try:
		_drop_site(site, user, password, archived_sites_path=archive, force=True, no_backup=True)
	finally:
		shutil.rmtree(archive)


@click.command("ds-set-redis")
def set_redis():
	"""Use the Redis of $DS_REDIS_URL for the bench's cache, queue and socketio."""
	from frappe.installer import update_site_config

	url = os.environ.get("DS_REDIS_URL")
	if not url:
		raise click.UsageError("DS_REDIS_URL is not set")
	for key in ("redis_cache", "redis_queue", "redis_socketio"):
		update_site_config(key, url, site_config_path="common_site_config.json")


@click.command("ds-complete-setup-wizard")
@click.option("--language", type=click.Choice(["en", "zh"]), default="en")
@pass_context
def complete_setup_wizard(context, language):
	"""Complete ERPNext's setup wizard (company, China, CNY) on a site without the app."""
	from dual_system.setup.wizard import complete_setup_wizard

	connected(get_site(context))
	try:
		complete_setup_wizard(language=language)
		frappe.db.commit()
	finally:
		frappe.destroy()


@click.command("ds-dump-database")
@click.argument("output")
@pass_context
def dump_database(context, output):
	"""Dump the site's database (gzip) with the site's own credentials."""
	site = get_site(context)
	frappe.init(site=site)
	conf = frappe.conf
	option_file = write_option_file(conf.get("db_user") or conf.db_name, conf.db_password)
	partial = f"{output}.partial"
	try:
		with gzip.open(partial, "wb", compresslevel=1) as out:
			dump = subprocess.Popen(
				[
					"mariadb-dump",
					f"--defaults-extra-file={option_file}",
					"-h",
					str(conf.db_host or "127.0.0.1"),
					"-P",
					str(conf.db_port or 3306),
					"--single-transaction",
					"--quick",
					conf.db_name,
				],
				stdout=subprocess.PIPE,
			)
			shutil.copyfileobj(dump.stdout, out)
			if dump.wait() != 0:
				raise click.ClickException(f"mariadb-dump of {site} failed")
		os.replace(partial, output)
	finally:
		os.unlink(option_file)
		if os.path.exists(partial):
			os.unlink(partial)
		frappe.destroy()


@click.command("ds-export-types")
@pass_context
def export_types(context):
	"""Regenerate the typed block of every controller of the app from its DocType.

	Frappe does it only when a DocType is saved in developer mode."""
	from frappe.types.exporter import TypeExporter

	connected(get_site(context))
	try:
		modules = frappe.get_all("Module Def", {"app_name": "dual_system"}, pluck="name")
		for name in frappe.get_all("DocType", {"module": ("in", modules)}, pluck="name"):
			TypeExporter(frappe.get_doc("DocType", name)).export_types()
	finally:
		frappe.destroy()


def _run_benchmark(context, module: str, output: str | None, **options):
	"""Run ``dual_system.benchmarks.<module>.run(**options)`` on the site; the results also as
	JSON when ``output`` is given (the three benchmark commands differ only in their options)."""
	import importlib
	import json

	connected(get_site(context))
	try:
		results = importlib.import_module(f"dual_system.benchmarks.{module}").run(**options)
		if output:
			with open(output, "w") as f:
				json.dump(results, f, indent=1, default=str)
	finally:
		frappe.destroy()


OUTPUT = click.option("--output", type=click.Path(dir_okay=False), help="also write the results as JSON")


@click.command("ds-benchmark")
@click.option("--size", type=int, default=5000, show_default=True, help="risk points of the 100 % plant")
@click.option("--repeat", type=int, default=9, show_default=True, help="warm runs per call")
@click.option("--no-build", is_flag=True, help="measure the plants as they are")
@OUTPUT
@pass_context
def benchmark(context, size, repeat, no_build, output):
	"""Build or reuse the 10 % and 100 % benchmark plants and measure the risk module."""
	_run_benchmark(context, "risk", output, size=size, repeat=repeat, build=not no_build)


@click.command("ds-benchmark-inspection")
@click.option("--plans", type=int, default=2000, show_default=True, help="inspection plans")
@click.option("--repeat", type=int, default=3, show_default=True, help="runs (median reported)")
@OUTPUT
@pass_context
def benchmark_inspection(context, plans, repeat, output):
	"""Task generation for one day of N plans, as rows per second and against a raw bulk insert."""
	_run_benchmark(context, "inspection", output, plans=plans, repeat=repeat)


@click.command("ds-benchmark-hazards")
@click.option("--size", type=int, default=100_000, show_default=True, help="hazard tickets to load")
@click.option("--repeat", type=int, default=9, show_default=True, help="warm runs per call")
@click.option("--no-build", is_flag=True, help="measure the tickets as they are")
@OUTPUT
@pass_context
def benchmark_hazards(context, size, repeat, no_build, output):
	"""Bulk-load hazard tickets across the benchmark group and measure the ledger and KPI reports."""
	_run_benchmark(context, "hazards", output, size=size, repeat=repeat, build=not no_build)


commands = [
	new_site,
	drop_site,
	set_redis,
	complete_setup_wizard,
	dump_database,
	export_types,
	benchmark,
	benchmark_inspection,
	benchmark_hazards,
]
