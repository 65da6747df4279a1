"""Investigation plans as tables: a type's default cycle per level, departments in scope (no site)."""

from __future__ import annotations

import pytest

from dual_system.core.investigation import DefaultCycle, default_cycle, departments_in_subtrees

ROUTINE = [
	{"organisational_level": "Post Level", "cycle_interval": 2, "cycle_unit": "Hour"},
	{"organisational_level": "Team Level", "cycle_interval": 12, "cycle_unit": "Hour"},
	{"organisational_level": "Workshop Level", "cycle_interval": 1, "cycle_unit": "Week"},
	{"organisational_level": "Company Level", "cycle_interval": 1, "cycle_unit": "Month"},
]
SEASONAL = [{"organisational_level": "Company Level", "cycle_interval": 3, "cycle_unit": "Month"}]
BROKEN = [
	{"organisational_level": "Company Level", "cycle_interval": 0, "cycle_unit": "Month"},
	{"organisational_level": "Team Level", "cycle_interval": 1, "cycle_unit": None},
]


@pytest.mark.parametrize(
	"cycles, level, expected",
	[
		(ROUTINE, "Post Level", DefaultCycle("Post Level", 2, "Hour")),
		(ROUTINE, "Team Level", DefaultCycle("Team Level", 12, "Hour")),
		(ROUTINE, "Workshop Level", DefaultCycle("Workshop Level", 1, "Week")),
		(ROUTINE, "Company Level", DefaultCycle("Company Level", 1, "Month")),
		# several levels and none chosen: nothing to guess
		(ROUTINE, None, None),
		(ROUTINE, "", None),
		# the only cycle of a type serves a plan without a level
		(SEASONAL, None, DefaultCycle("Company Level", 3, "Month")),
		(SEASONAL, "Company Level", DefaultCycle("Company Level", 3, "Month")),
		# a level the type has no cycle for
		(SEASONAL, "Post Level", None),
		# key periods, accident analogy…: no default cycle at all
		([], None, None),
		([], "Company Level", None),
		# rows without a usable interval or unit are ignored
		(BROKEN, "Company Level", None),
		(BROKEN, "Team Level", None),
		(BROKEN, None, None),
		([*BROKEN, *SEASONAL], None, DefaultCycle("Company Level", 3, "Month")),
	],
)
def test_default_cycle_of_a_type_for_a_level(cycles, level, expected):
	assert default_cycle(cycles, level) == expected


# a company:  All(1,14) > Workshop A(2,7) > Team A1(3,4), Team A2(5,6); Workshop B(8,11) > Team B1(9,10); Safety(12,13)
TREE = [
	("All", 1, 14),
	("Workshop A", 2, 7),
	("Team A1", 3, 4),
	("Team A2", 5, 6),
	("Workshop B", 8, 11),
	("Team B1", 9, 10),
	("Safety", 12, 13),
]


@pytest.mark.parametrize(
	"roots, expected",
	[
		(["Workshop A"], ["Team A1", "Team A2", "Workshop A"]),
		(["Team A1"], ["Team A1"]),
		(["Workshop A", "Team A1"], ["Team A1", "Team A2", "Workshop A"]),
		(["Team A2", "Workshop B"], ["Team A2", "Team B1", "Workshop B"]),
		(["Safety"], ["Safety"]),
		(["All"], sorted(name for name, _l, _r in TREE)),
		([], []),
		(["Unknown"], []),
		(["Unknown", "Team B1"], ["Team B1"]),
	],
)
def test_a_department_covers_its_subtree(roots, expected):
	assert departments_in_subtrees(TREE, roots) == expected
