"""Dashboard chart data in the levels' own order, colours and translated names.
Frappe's Group By charts show stored values (English) in palette colours."""

from __future__ import annotations

import frappe
from frappe import _

from dual_system.core.levels import CONTROL_LEVELS, LEVELS


def chart_filters(chart_name=None, chart=None, filters=None) -> dict:
	"""The filters a chart was saved or opened with (only company is understood)."""
	filters = frappe.parse_json(filters) or {}
	if not filters and chart_name:
		filters = frappe.parse_json(
			frappe.db.get_value("Dashboard Chart", chart_name, "filters_json") or "{}"
		)
	if isinstance(filters, list):
		filters = {f[1]: f[3] for f in filters if len(f) >= 4}
	return {"company": filters["company"]} if filters.get("company") else {}


def _chart(order, rows) -> dict:
	"""Every level in its fixed order (zeros included), so the chart's colours,
	set once in its custom options, always fall on the right level."""
	counts = {row.level: row.count for row in rows if row.level}
	return {
		"labels": [_(level) for level in order],
		"datasets": [{"name": _("Count"), "values": [counts.get(level, 0) for level in order]}],
	}


def level_chart(rows) -> dict:
	return _chart(LEVELS, rows)


def control_level_chart(rows) -> dict:
	return _chart(CONTROL_LEVELS, rows)


# hidden dangers: open ones, by grade or by step of the closed loop, in their fixed order
HAZARD_CLOSED_STATUSES = ("Closed", "Invalid", "Duplicate")
HAZARD_ORDERS = {
	"grade": ("General", "Major"),
	"status": ("Reported", "Registered", "Assigned", "Rectifying", "Awaiting Acceptance"),
}


def hazard_chart(field: str, filters: dict) -> dict:
	"""Open hidden dangers the reader may see, counted per value of ``field``
	(``frappe.get_list``: the reader's scope decides which exist)."""
	rows = frappe.get_list(
		"Hazard Ticket",
		filters={"status": ("not in", HAZARD_CLOSED_STATUSES), **filters},
		fields=[f"{field} as level", "count(*) as count"],
		group_by=field,
	)
	return _chart(HAZARD_ORDERS[field], rows)


def hazard_trend(chart_name=None, chart=None, filters=None) -> dict:
	"""Hidden dangers found (by date found) and closed (by closing date) in each of the
	twelve months up to ``to_date`` (default today), among those the reader may see."""
	from frappe.utils import add_days, getdate

	from dual_system.core import trend

	raw = frappe.parse_json(filters) or {}
	to_date = raw.get("to_date") if isinstance(raw, dict) else None
	months = trend.months_ending(getdate(to_date), 12)
	start, after = trend.window(months)
	base = chart_filters(chart_name, chart, filters)

	def per_month(field: str, extra: dict) -> list[int]:
		rows = frappe.get_list(
			"Hazard Ticket",
			filters={**base, **extra, field: ("between", (start, add_days(after, -1)))},
			fields=[f"date_format({field}, '%Y-%m') as month", "count(*) as count"],
			group_by="month",
		)
		return trend.series(months, ((row.month, row.count) for row in rows))

	return {
		"labels": months,
		"datasets": [
			{
				"name": _("Found"),
				"values": per_month("date_found", {"status": ("not in", ("Invalid", "Duplicate"))}),
			},
			{"name": _("Closed"), "values": per_month("closed_on", {"status": "Closed"})},
		],
	}
