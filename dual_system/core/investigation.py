"""Investigation plans (DOMAIN.md §6.1, §6.2): pure rules, no database.

- **Default cycle**: an investigation type holds a default cycle per organisational
  level (routine: post every 2 h, team twice a day, workshop weekly, company monthly…).
  A new plan takes the cycle of its level; without a level, the type's only cycle when
  it has exactly one. Nothing when the type has none for it (key periods, accident
  analogy…: the user sets the cycle).
- **Departments in scope**: a department-level check (部门级排查) covers every control
  measure of the risk points owned by the department *and its sub-departments* (a
  workshop's check covers its teams' posts), as the department tree nests them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultCycle:
	organisational_level: str
	interval: int
	unit: str


def default_cycle(cycles: Iterable[Mapping], level: str | None) -> DefaultCycle | None:
	"""The default cycle of a type's ``cycles`` rows (organisational_level,
	cycle_interval, cycle_unit) for a level; a row with no usable interval or unit is
	ignored."""
	usable = [
		DefaultCycle(
			row.get("organisational_level"), int(row.get("cycle_interval") or 0), row.get("cycle_unit")
		)
		for row in cycles
		if int(row.get("cycle_interval") or 0) > 0 and row.get("cycle_unit")
	]
	if level:
		return next((c for c in usable if c.organisational_level == level), None)
	return usable[0] if len(usable) == 1 else None


def departments_in_subtrees(tree: Iterable[tuple[str, int, int]], roots: Iterable[str]) -> list[str]:
	"""The departments of ``tree`` (name, lft, rgt of a nested set) lying in the subtree
	of any root (the root included), sorted; an unknown root covers nothing."""
	nodes = {name: (lft, rgt) for name, lft, rgt in tree}
	spans = [nodes[root] for root in roots if root in nodes]
	return sorted(
		name for name, (lft, rgt) in nodes.items() if any(lo <= lft and rgt <= hi for lo, hi in spans)
	)
