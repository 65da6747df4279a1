"""The registers' full export: every row, read and written a page at a time.

Frappe's report export re-runs the report and builds the whole result in memory
(the register of a group is tens of thousands of rows with their measures); this
writes an Excel workbook in openpyxl's write-only mode from pages of the same
permission-aware query, so memory stays bounded by one page whatever the size.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cstr

from dual_system.risk_control.report.risk_register.risk_register import get_columns
from dual_system.services.registers import risk_register_rows

EXPORT_PAGE = 1000


@frappe.whitelist()
def export_risk_register(filters=None):
	if not frappe.get_doc("Report", "Risk Register").is_permitted() or not frappe.has_permission(
		"Risk Event", "export"
	):
		frappe.throw(_("You may not export the Risk Register"), frappe.PermissionError)
	from openpyxl import Workbook

	filters = frappe.parse_json(filters) or {}
	columns = [c for c in get_columns() if not c.get("hidden")]
	book = Workbook(write_only=True)
	sheet = book.create_sheet(_("Risk Register")[:31])
	sheet.append([c["label"] for c in columns])
	start = 0
	while True:
		rows = risk_register_rows(filters, start=start, limit=EXPORT_PAGE)
		for row in rows:
			sheet.append([_cell(row.get(c["fieldname"])) for c in columns])
		if len(rows) < EXPORT_PAGE:
			break
		start += EXPORT_PAGE
	from io import BytesIO

	out = BytesIO()
	book.save(out)
	frappe.response["filename"] = f"{_('Risk Register')}.xlsx"
	frappe.response["filecontent"] = out.getvalue()
	frappe.response["type"] = "binary"


def _cell(value):
	if value is None:
		return ""
	if isinstance(value, int | float):
		return value
	return cstr(value)
