"""The four-colour risk map API (dual_system.api.risk_map) behind the risk-map page:
colours and location zones, the department scope, and saving map positions."""

import frappe
import pytest
from ds_testkit import unique

from dual_system.api import risk_map
from dual_system.core.levels import LEVEL_HEX

pytestmark = pytest.mark.usefixtures("db")

# an image that exists on every bench; a /files URL would make Frappe create a File record
IMAGE = "/assets/frappe/images/frappe-framework-logo.svg"


def make_location(name: str) -> str:
	if not frappe.db.exists("Location", name):
		frappe.get_doc({"doctype": "Location", "location_name": name}).insert(ignore_permissions=True)
	return name


def make_point(
	org, department_key: str, level: str | None = None, location: str | None = None, **extra
) -> str:
	code = unique("RM-")
	doc = frappe.get_doc(
		{
			"doctype": "Risk Point",
			"risk_point_code": code,
			"risk_point_name": f"Point {code}",
			"risk_point_type": "Facility / Equipment",
			"company": org.company,
			"department": org.dept[department_key],
			"location": location,
			**extra,
		}
	)
	doc.insert(ignore_permissions=True)
	if level:
		# the level is derived from approved assessments; set it directly for the map
		frappe.db.set_value("Risk Point", code, "current_risk_level", level, update_modified=False)
	return code


def make_layout(company: str) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Risk Map Layout",
			"layout_name": unique("Plan "),
			"company": company,
			"layout_image": IMAGE,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def map_as(user: str, org, department_key: str | None = None) -> dict:
	frappe.set_user(user)
	try:
		return expanded(
			risk_map.get_map_data(org.company, org.dept[department_key] if department_key else None)
		)
	finally:
		frappe.set_user("Administrator")


def expanded(data):
	"""The map's points as the page turns them back into objects (risk_map.js refresh)."""
	hex_of = {level["level"]: level["hex"] for level in data["levels"]}
	data["points"] = [
		{
			**dict(zip(data["point_fields"], row, strict=True)),
			"hex": hex_of.get(row[data["point_fields"].index("current_risk_level")], data["no_level_hex"]),
			"can_write": data["can_write"],
		}
		for row in data["points"]
	]
	return data


# --- colours and zones ---------------------------------------------------------------------
def test_points_are_coloured_by_level_and_grouped_by_location(org):
	tanks, roads = make_location(unique("Tanks ")), make_location(unique("Roads "))
	major = make_point(org, "a", "Major", tanks)
	low = make_point(org, "a1", "Low", tanks)
	general = make_point(org, "a", "General", roads)
	unassessed = make_point(org, "a")

	data = map_as(org.user("officer"), org, "a")

	points = {p["name"]: p for p in data["points"]}
	assert set(points) == {major, low, general, unassessed}
	assert points[major]["hex"] == LEVEL_HEX["Major"]
	assert points[low]["hex"] == LEVEL_HEX["Low"]
	assert points[unassessed]["hex"] == risk_map.NO_LEVEL_HEX
	zones = [(g["location"], g["level"], g["hex"], g["points"]) for g in data["locations"]]
	assert zones == [
		(tanks, "Major", LEVEL_HEX["Major"], [major, low]),
		(roads, "General", LEVEL_HEX["General"], [general]),
		(None, None, risk_map.NO_LEVEL_HEX, [unassessed]),
	]
	assert [lvl["hex"] for lvl in data["levels"]] == [
		LEVEL_HEX[x] for x in ("Major", "Significant", "General", "Low")
	]


def test_retired_points_are_not_on_the_map(org):
	active = make_point(org, "a", "Low")
	retired = make_point(org, "a", "Major")
	frappe.db.set_value("Risk Point", retired, "status", "Retired")

	names = {p["name"] for p in map_as(org.user("officer"), org, "a")["points"]}

	assert active in names and retired not in names


def test_work_activities_are_compared_by_their_highest_live_event(org):
	activity = make_point(org, "a", "Significant", risk_point_type="Work Activity")
	make_point(org, "a", "Major")
	for score, level in ((90, "General"), (180, "Significant")):
		frappe.get_doc(
			{
				"doctype": "Risk Event",
				"risk_point": activity,
				"evaluation_method": "LEC",
				"score": score,
				"risk_level": level,
				"status": "Active",
			}
		).insert(ignore_permissions=True)

	rows = map_as(org.user("lead_a"), org)["activities"]

	assert [(r["name"], r["level"], r["score"], r["event_count"]) for r in rows] == [
		(activity, "Significant", 180, 2)
	]
	assert rows[0]["hex"] == LEVEL_HEX["Significant"]


# --- department scope ----------------------------------------------------------------------
def test_department_safety_lead_sees_only_their_department_subtree(org):
	in_a = make_point(org, "a", "General")
	in_a1 = make_point(org, "a1", "Low")
	in_b = make_point(org, "b", "Major")

	seen_by_a = {p["name"] for p in map_as(org.user("lead_a"), org)["points"]}
	seen_by_b = {p["name"] for p in map_as(org.user("lead_b"), org)["points"]}

	assert {in_a, in_a1} <= seen_by_a and in_b not in seen_by_a
	assert in_b in seen_by_b and not {in_a, in_a1} & seen_by_b


def test_asking_for_another_department_does_not_widen_the_scope(org):
	in_b = make_point(org, "b", "Major")

	data = map_as(org.user("lead_a"), org, "b")

	assert in_b not in {p["name"] for p in data["points"]}
	assert all(in_b not in g["points"] for g in data["locations"])


# --- saving positions ---------------------------------------------------------------------
def test_saving_a_position_is_refused_without_write_permission(org):
	point = make_point(org, "a1", "General")
	layout = make_layout(org.company)

	for user in (org.user("inspector_a"), org.user("lead_b")):
		frappe.set_user(user)
		with pytest.raises(frappe.PermissionError):
			risk_map.save_position(point, layout, 10, 20)
		frappe.set_user("Administrator")

	assert frappe.db.get_value("Risk Point", point, ["map_layout", "map_x", "map_y"]) == (None, 0, 0)


def test_saving_a_position_works_with_write_permission(org):
	point = make_point(org, "a1", "General")
	layout = make_layout(org.company)

	frappe.set_user(org.user("lead_a"))
	saved = risk_map.save_position(point, layout, 33.333, 120)
	data = expanded(risk_map.get_map_data(org.company))
	frappe.set_user("Administrator")

	assert saved == {"name": point, "map_layout": layout, "map_x": 33.33, "map_y": 100}
	assert frappe.db.get_value("Risk Point", point, ["map_layout", "map_x", "map_y"]) == (layout, 33.33, 100)
	on_map = next(p for p in data["points"] if p["name"] == point)
	assert (on_map["map_layout"], on_map["map_x"], on_map["map_y"], on_map["can_write"]) == (
		layout,
		33.33,
		100,
		True,
	)
	assert layout in {lay["name"] for lay in data["layouts"]}


def test_only_points_the_user_may_write_are_movable(org):
	point = make_point(org, "a1", "General")

	seen_by_inspector = map_as(org.user("inspector_a"), org)["points"]

	assert next(p for p in seen_by_inspector if p["name"] == point)["can_write"] is False


def test_work_activities_cannot_be_placed_on_the_plan(org):
	activity = make_point(org, "a", "Low", risk_point_type="Work Activity")
	layout = make_layout(org.company)

	frappe.set_user(org.user("officer"))
	with pytest.raises(risk_map.RiskMapError):
		risk_map.save_position(activity, layout, 50, 50)


def test_clearing_a_position_takes_the_point_off_the_plan(org):
	layout = make_layout(org.company)
	point = make_point(org, "a", "Low", map_layout=layout, map_x=10, map_y=10)

	frappe.set_user(org.user("officer"))
	risk_map.clear_position(point)
	frappe.set_user("Administrator")

	assert frappe.db.get_value("Risk Point", point, "map_layout") is None


# --- demo layout -----------------------------------------------------------------------------
def test_demo_points_sit_in_the_zone_of_their_location_on_the_demo_layout():
	from dual_system.setup import demo, demo_layout

	zones = {label: (x0, y0, x1, y1) for label, x0, y0, x1, y1 in demo_layout.ZONES}
	for spec in demo.RISK_POINTS:
		if "map" not in spec:
			continue
		x, y = spec["map"]
		x0, y0, x1, y1 = zones[spec["location"]]
		assert x0 < x < x1 and y0 < y < y1, spec["code"]


def test_demo_layout_image_is_a_png():
	from dual_system.setup import demo_layout

	png = demo_layout.draw_layout_png()

	assert png.startswith(b"\x89PNG") and len(png) > 10_000
