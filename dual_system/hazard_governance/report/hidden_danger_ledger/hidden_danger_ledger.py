# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""隐患台账: every hidden danger with the columns of DOMAIN.md §6.5, in the reader's scope."""

from frappe import _

from dual_system.services.hazard_ledger import ledger_page
from dual_system.services.registers import page_limit


def execute(filters=None):
	rows, total = ledger_page(filters)
	limit = page_limit(filters)
	message = None
	if limit and total > limit:
		message = _("Showing the {0} newest of {1} hidden dangers. Choose All in Rows for every row.").format(
			limit, total
		)
	return get_columns(), rows, message


def _col(fieldname, label, fieldtype="Data", width=120, **extra):
	return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **extra}


def get_columns():
	# Links only to doctypes every reader may select (query_report drops rows otherwise);
	# people as names, never as Employee links
	return [
		_col("name", _("Number"), "Link", 130, options="Hazard Ticket"),
		_col("date_found", _("Date Found"), "Datetime", 140),
		_col("source", _("Source"), width=110),
		_col("hazard_type", _("Hazard Type"), width=100),
		_col("finder_name", _("Investigator"), width=110),
		_col("risk_point", _("Risk Point"), "Link", 90, options="Risk Point"),
		_col("risk_point_name", _("Risk Point Name"), width=140),
		_col("location", _("Location"), "Link", 110, options="Location"),
		_col("measure_description", _("Failed Control Measure"), width=160),
		_col("description", _("Description"), "Small Text", 220),
		_col("basis", _("Basis (Standard and Clause)"), "Small Text", 140),
		_col("item_class", _("Item Class"), width=110),
		_col("accident_type_name", _("Accident Type"), width=110),
		_col("grade", _("Grade"), width=80),
		_col("internal_level", _("Internal Level"), width=90),
		_col("handling", _("Handling"), width=100),
		_col("rectification_measures", _("Rectification Measures"), "Small Text", 200),
		_col("contingency_measures", _("Temporary Controls"), "Small Text", 160),
		_col("owning_department", _("Owning Unit"), "Link", 130, options="Department"),
		_col("owner_name", _("Rectification Owner"), width=110),
		_col("deadline", _("Deadline"), "Date", 100),
		_col("funds", _("Funds"), "Currency", 100),
		_col("completion_date", _("Completion Date"), "Date", 100),
		_col("acceptor_name", _("Acceptor"), width=110),
		_col("acceptance_date", _("Acceptance Date"), "Date", 100),
		_col("acceptance_comment", _("Acceptance Comment"), "Small Text", 160),
		_col("status", _("Status"), width=110),
		_col("photo_before", _("Photo Before"), width=120),
		_col("photo_after", _("Photo After"), width=120),
		_col("reported", _("Reported to Authority"), width=90),
		_col("authority_report_date", _("Authority Report Date"), "Date", 100),
		_col("remarks", _("Remarks"), "Small Text", 140),
		_col("department", _("Department"), "Link", 130, options="Department"),
		_col("grade_key", "grade_key", hidden=1),
		_col("status_key", "status_key", hidden=1),
	]
