# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""隐患台账: every hidden danger with the columns of DOMAIN.md §6.5, in the reader's scope."""

from frappe import _

from dual_system.core.columns import column
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


def get_columns():
	# Links only to doctypes every reader may select (query_report drops rows otherwise);
	# people as names, never as Employee links
	return [
		column("name", _("Number"), "Link", 130, options="Hazard Ticket"),
		column("date_found", _("Date Found"), "Datetime", 140),
		column("source", _("Source"), width=110),
		column("hazard_type", _("Hazard Type"), width=100),
		column("finder_name", _("Investigator"), width=110),
		column("risk_point", _("Risk Point"), "Link", 90, options="Risk Point"),
		column("risk_point_name", _("Risk Point Name"), width=140),
		column("location", _("Location"), "Link", 110, options="Location"),
		column("measure_description", _("Failed Control Measure"), width=160),
		column("description", _("Description"), "Small Text", 220),
		column("basis", _("Basis (Standard and Clause)"), "Small Text", 140),
		column("item_class", _("Item Class"), width=110),
		column("accident_type_name", _("Accident Type"), width=110),
		column("grade", _("Grade"), width=80),
		column("internal_level", _("Internal Level"), width=90),
		column("handling", _("Handling"), width=100),
		column("rectification_measures", _("Rectification Measures"), "Small Text", 200),
		column("contingency_measures", _("Temporary Controls"), "Small Text", 160),
		column("owning_department", _("Owning Unit"), "Link", 130, options="Department"),
		column("owner_name", _("Rectification Owner"), width=110),
		column("deadline", _("Deadline"), "Date", 100),
		column("funds", _("Funds"), "Currency", 100),
		column("completion_date", _("Completion Date"), "Date", 100),
		column("acceptor_name", _("Acceptor"), width=110),
		column("acceptance_date", _("Acceptance Date"), "Date", 100),
		column("acceptance_comment", _("Acceptance Comment"), "Small Text", 160),
		column("status", _("Status"), width=110),
		column("photo_before", _("Photo Before"), width=120),
		column("photo_after", _("Photo After"), width=120),
		column("reported", _("Reported to Authority"), width=90),
		column("authority_report_date", _("Authority Report Date"), "Date", 100),
		column("remarks", _("Remarks"), "Small Text", 140),
		column("department", _("Department"), "Link", 130, options="Department"),
		column("grade_key", "grade_key", hidden=1),
		column("status_key", "status_key", hidden=1),
	]
