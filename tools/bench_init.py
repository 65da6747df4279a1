"""`bench init` that tolerates neighbouring benches with malformed port settings.

bench 5.x picks ports for a new bench by reading the ``common_site_config.json`` of
every sibling folder and adding one to the largest value; a sibling whose
``webserver_port`` is a string (``bench set-config`` without ``--parse`` writes one)
makes ``bench init`` crash with ``TypeError``. ./dev sets every port and Redis URL
itself right after init, so here non-numeric values are simply ignored.

Run with the bench CLI's Python: ``python tools/bench_init.py init [bench init options] PATH``.
"""

import sys

import bench.config.common_site_config as site_config

_make_ports = site_config.make_ports


def make_ports(bench_path):
	try:
		return _make_ports(bench_path)
	except TypeError:
		return {
			"webserver_port": 8000,
			"socketio_port": 9000,
			"file_watcher_port": 6787,
			"redis_queue": 11000,
			"redis_socketio": 13000,
			"redis_cache": 13000,
		}


site_config.make_ports = make_ports

if __name__ == "__main__":
	from bench.cli import cli

	sys.argv[0] = "bench"
	sys.exit(cli())
