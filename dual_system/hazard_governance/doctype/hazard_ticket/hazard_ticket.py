# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from dual_system.permissions import ScopedDocument
from dual_system.services import hazard


# A hidden danger (隐患) through its closed loop (DOMAIN.md §6.4).
# Not submittable: after the report a ticket passes many states (registered, assigned,
# rectifying, awaiting acceptance, closed, reopened) and the ledger keeps editing its
# acceptance and reporting fields, which a submitted document would only allow field by
# field. The workflow moves the status; the controller's invariants (services/hazard.py)
# hold whatever the workflow says.
class HazardTicket(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.hazard_governance.doctype.hazard_ticket_extension.hazard_ticket_extension import (
			HazardTicketExtension,
		)

		acceptance_comment: DF.SmallText | None
		acceptance_date: DF.Date | None
		accepted: DF.Check
		acceptor: DF.Link | None
		accident_type: DF.Link | None
		asset: DF.Link | None
		assigned_by: DF.Link | None
		assigned_on: DF.Datetime | None
		authority: DF.Data | None
		authority_reference: DF.Data | None
		authority_report_date: DF.Date | None
		basis: DF.SmallText | None
		closed_by: DF.Link | None
		closed_on: DF.Date | None
		company: DF.Link
		completion_date: DF.Date | None
		contingency_measures: DF.SmallText | None
		control_measure: DF.Link | None
		cost_center: DF.Link | None
		date_found: DF.Datetime
		deadline: DF.Date | None
		department: DF.Link | None
		description: DF.SmallText
		duplicate_of: DF.Link | None
		evaluation_by_experts: DF.Check
		evaluation_date: DF.Date | None
		evaluation_report: DF.Attach | None
		extensions: DF.Table[HazardTicketExtension]
		finder: DF.Link | None
		finder_user: DF.Link | None
		funds: DF.Currency
		governance_plan: DF.Link | None
		grade: DF.Literal["", "General", "Major"]
		handling: DF.Literal["", "On the Spot", "By Deadline"]
		hazard_type: DF.Literal[
			"",
			"Safety",
			"Process",
			"Electrical",
			"Instrumentation",
			"Fire",
			"General Layout",
			"Equipment",
			"Other",
		]
		inspection_task: DF.Link | None
		inspection_task_item: DF.Data | None
		internal_level: DF.Literal["", "Company", "Workshop", "Team"]
		is_anonymous: DF.Check
		isolation_note: DF.SmallText | None
		item_class: DF.Literal["", "Basic Management", "On-site"]
		location: DF.Link | None
		major_criterion: DF.Link | None
		owning_department: DF.Link | None
		photo_after: DF.AttachImage | None
		photo_before: DF.AttachImage | None
		project: DF.Link | None
		rectification_measures: DF.SmallText | None
		rectification_owner: DF.Link | None
		rectification_owner_user: DF.Link | None
		rectified_by: DF.Link | None
		registered_by: DF.Link | None
		registered_on: DF.Datetime | None
		remarks: DF.SmallText | None
		reported_to_authority: DF.Check
		reported_to_workers_congress: DF.Check
		risk_event: DF.Link | None
		risk_point: DF.Link | None
		source: DF.Literal[
			"Routine",
			"Comprehensive",
			"Specialist",
			"Seasonal",
			"Key Period or Holiday",
			"Accident Analogy",
			"Pre-restart",
			"External Expert Diagnosis",
			"Failed Control Measure",
			"Employee Report",
			"Outside Inspection",
			"Other",
		]
		status: DF.Literal[
			"Reported",
			"Registered",
			"Invalid",
			"Duplicate",
			"Assigned",
			"Rectifying",
			"Awaiting Acceptance",
			"Closed",
		]
		work_stopped: DF.Check
		workers_congress_date: DF.Date | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def autoname(self):
		hazard.autoname(self)

	def before_insert(self):
		hazard.before_insert(self)

	def validate(self):
		hazard.validate(self)

	def after_insert(self):
		hazard.after_insert(self)

	def on_update(self):
		hazard.on_update(self)


def on_doctype_update():
	# the hidden-danger reports filter on a department subtree or a company and a window
	# on date found, newest first (services/hazard_ledger.py; docs/benchmarks.md)
	frappe.db.add_index("Hazard Ticket", ["department", "date_found"])
	frappe.db.add_index("Hazard Ticket", ["company", "date_found"])
