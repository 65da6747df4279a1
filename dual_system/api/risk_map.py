"""The four-colour risk map (四色安全风险空间分布图, DOMAIN.md §5.3) behind the
``risk-map`` desk page.

Everything is read with ``frappe.get_list`` so the company User Permissions and
the department scope of ``dual_system.permissions`` apply: a Department Safety
Lead sees the map of their own department subtree only. Positions are saved
only on points the user may write.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe
from frappe import _
from frappe.utils import cint, flt

from dual_system.core.levels import LEVEL_COLOURS, LEVEL_HEX, LEVELS, UNGRADED_HEX, level_rank
from dual_system.core.scoring import highest_level

# a point without a live risk event
NO_LEVEL_HEX = UNGRADED_HEX
WORK_ACTIVITY = "Work Activity"
# what the map draws of each point, sent as one array per point (the payload of a
# group's thousands of points stays small); the page turns them back into objects
POINT_FIELDS = (
	"name",
	"risk_point_name",
	"risk_point_type",
	"current_risk_level",
	"location",
	"is_group",
	"map_layout",
	"map_x",
	"map_y",
)


class RiskMapError(frappe.ValidationError):
	pass


# --- pure helpers (no database) ----------------------------------------------------------
def level_hex(level: str | None) -> str:
	return LEVEL_HEX.get(level or "", NO_LEVEL_HEX)


def group_by_location(points: Iterable[dict]) -> list[dict]:
	"""Location zones, each coloured by the highest level inside it: the most
	severe zones first, then by name; points without a location last ("Unplaced")."""
	zones: dict[str | None, list[dict]] = {}
	for point in points:
		zones.setdefault(point.get("location") or None, []).append(point)
	groups = []
	for location, members in zones.items():
		level = highest_level(p.get("current_risk_level") for p in members)
		members = sorted(members, key=lambda p: (level_rank(p.get("current_risk_level")), p["name"]))
		groups.append(
			{
				"location": location,
				"level": level,
				"hex": level_hex(level),
				"points": [p["name"] for p in members],
			}
		)
	groups.sort(key=lambda g: (g["location"] is None, level_rank(g["level"]), g["location"] or ""))
	return groups


def activity_rows(points: Iterable[dict], events: Iterable[dict]) -> list[dict]:
	"""Work-activity points for the comparison chart: each with its highest live
	event score (and that event's method), most severe first."""
	best: dict[str, dict] = {}
	counts: dict[str, int] = {}
	for event in events:
		point = event["risk_point"]
		counts[point] = counts.get(point, 0) + 1
		current = best.get(point)
		if current is None or (level_rank(event.get("risk_level")), -flt(event.get("score"))) < (
			level_rank(current.get("risk_level")),
			-flt(current.get("score")),
		):
			best[point] = event
	rows = []
	for point in points:
		if point.get("risk_point_type") != WORK_ACTIVITY:
			continue
		top = best.get(point["name"]) or {}
		level = point.get("current_risk_level")
		rows.append(
			{
				"name": point["name"],
				"risk_point_name": point.get("risk_point_name"),
				"location": point.get("location"),
				"level": level,
				"hex": level_hex(level),
				"score": flt(top.get("score")) if top else None,
				"evaluation_method": top.get("evaluation_method"),
				"event_count": counts.get(point["name"], 0),
			}
		)
	rows.sort(key=lambda r: (level_rank(r["level"]), -(r["score"] or 0), r["name"]))
	return rows


def clamp_percent(value) -> float:
	return round(min(max(flt(value), 0.0), 100.0), 2)


# --- reads ---------------------------------------------------------------------------------
@frappe.whitelist()
def get_map_data(company: str | None = None, department: str | None = None) -> dict:
	"""Active risk points of the company (optionally of a department subtree) that
	the user may read, grouped by location, with the work-activity chart rows, the
	company's plant layouts and the level colours. ``points`` holds one array per
	point in the order of ``point_fields``; a point's colour follows from its level
	(``levels``), and ``can_write`` says whether the reader may move points (every
	point they read is one they may write when their role writes risk points)."""
	company = company or frappe.defaults.get_user_default("Company")
	points = _points(company, department)
	activities = [p for p in points if p["risk_point_type"] == WORK_ACTIVITY]
	return {
		"company": company,
		"department": department,
		"levels": [
			{"level": level, "colour": LEVEL_COLOURS[level], "hex": LEVEL_HEX[level]} for level in LEVELS
		],
		"no_level_hex": NO_LEVEL_HEX,
		"point_fields": list(POINT_FIELDS),
		"points": [[p[f] for f in POINT_FIELDS] for p in points],
		"can_write": bool(company) and frappe.has_permission("Risk Point", "write"),
		"locations": group_by_location(points),
		"activities": activity_rows(activities, _activity_events(activities)),
		"layouts": _layouts(company),
	}


def _points(company: str | None, department: str | None) -> list[dict]:
	if not company:
		return []
	filters = [["company", "=", company], ["status", "=", "Active"]]
	if department:
		filters.append(["department", "descendants of (inclusive)", department])
	return frappe.get_list(
		"Risk Point", filters=filters, fields=list(POINT_FIELDS), order_by="name asc", limit_page_length=0
	)


def _activity_events(activities: list[dict]) -> list[dict]:
	if not activities or not frappe.has_permission("Risk Event", "read"):
		return []
	return frappe.get_list(
		"Risk Event",
		filters={"risk_point": ["in", [p["name"] for p in activities]], "status": "Active"},
		fields=["risk_point", "score", "risk_level", "evaluation_method"],
		limit_page_length=0,
	)


def _layouts(company: str | None) -> list[dict]:
	if not company or not frappe.has_permission("Risk Map Layout", "read"):
		return []
	return frappe.get_list(
		"Risk Map Layout",
		filters={"company": company},
		fields=["name", "layout_name", "layout_image"],
		order_by="layout_name asc",
		limit_page_length=0,
	)


# --- writes --------------------------------------------------------------------------------
@frappe.whitelist(methods=["POST"])
def save_position(risk_point: str, layout: str, x: float, y: float) -> dict:
	"""Place a risk point on a plant layout at (x, y), in percent of the image's
	width and height. Needs write permission on the risk point."""
	doc = frappe.get_doc("Risk Point", risk_point)
	doc.check_permission("write")
	layout_doc = frappe.get_doc("Risk Map Layout", layout)
	layout_doc.check_permission("read")
	if layout_doc.company != doc.company:
		frappe.throw(
			_("Plant layout {0} belongs to {1}, not to {2}").format(
				frappe.bold(layout_doc.layout_name), frappe.bold(layout_doc.company), frappe.bold(doc.company)
			),
			exc=RiskMapError,
			title=_("Wrong Company"),
		)
	if doc.risk_point_type == WORK_ACTIVITY:
		frappe.throw(
			_(
				"{0} is a work activity: it has no place on the map and is shown in the comparison chart"
			).format(frappe.bold(doc.risk_point_name)),
			exc=RiskMapError,
		)
	doc.map_layout = layout_doc.name
	doc.map_x = clamp_percent(x)
	doc.map_y = clamp_percent(y)
	doc.save()
	return _position(doc)


@frappe.whitelist(methods=["POST"])
def clear_position(risk_point: str) -> dict:
	"""Take a risk point off its plant layout. Needs write permission on it."""
	doc = frappe.get_doc("Risk Point", risk_point)
	doc.check_permission("write")
	doc.map_layout = None
	doc.map_x = None
	doc.map_y = None
	doc.save()
	return _position(doc)


def _position(doc) -> dict:
	return {"name": doc.name, "map_layout": doc.map_layout, "map_x": doc.map_x, "map_y": doc.map_y}
