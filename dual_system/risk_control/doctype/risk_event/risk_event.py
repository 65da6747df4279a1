# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.permissions import ScopedDocument
from dual_system.services import risk
from dual_system.services.errors import DualSystemValidationError

# set from the approved assessment; a change needs a new revision
FROM_ASSESSMENT = (
	"risk_point",
	"risk_assessment",
	"hazard",
	"accident_type",
	"evaluation_method",
	"factor_values",
	"score",
	"computed_level",
	"risk_level",
	"forced_major_reason",
	"status",
)


# event fields that its control measures show
SHOWN_ON_MEASURES = (
	"control_level",
	"responsible_department",
	"responsible_employee_name",
)


class RiskEventChangeError(DualSystemValidationError):
	pass


class RiskEvent(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accident_type: DF.Link | None
		accident_type_standard: DF.Data | None
		archived_by: DF.Link | None
		archived_on: DF.Date | None
		assessment_row: DF.Data | None
		company: DF.Link | None
		computed_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		consequence: DF.SmallText | None
		control_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		department: DF.Link | None
		evaluation_method: DF.Link | None
		factor_values: DF.Data | None
		forced_major_reason: DF.Link | None
		hazard: DF.SmallText | None
		hazard_factor_category: DF.Link | None
		identification_method: DF.Data | None
		naming_series: DF.Literal["RE-.YYYY.-.#####"]
		responsible_department: DF.Link | None
		responsible_employee: DF.Link | None
		responsible_employee_name: DF.Data | None
		risk_assessment: DF.Link | None
		risk_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		risk_point: DF.Link
		risk_point_name: DF.Data | None
		risk_point_type: DF.Data | None
		score: DF.Float
		status: DF.Literal["Active", "Archived"]
		step_no: DF.Int
		step_or_item: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.protect_assessed_fields()
		self.control_level = risk.validated_control_level(
			self.risk_level, self.control_level, _("Risk Event")
		)

	def on_update(self):
		before = self.get_doc_before_save()
		if before and before.control_level != self.control_level:
			risk.refresh_risk_levels(self.risk_point)
		if before:
			self.update_measures(before)

	def update_measures(self, before):
		"""Measures show their event's control level and owner (fetched when they were made)."""
		changed = {f: self.get(f) for f in SHOWN_ON_MEASURES if before.get(f) != self.get(f)}
		if changed:
			measure = frappe.qb.DocType("Control Measure")
			query = frappe.qb.update(measure).where(measure.risk_event == self.name)
			for field, value in changed.items():
				query = query.set(measure[field], value)
			query.run()

	def protect_assessed_fields(self):
		if self.is_new() or self.flags.from_assessment:
			return
		before = self.get_doc_before_save()
		changed = [f for f in FROM_ASSESSMENT if before and before.get(f) != self.get(f)]
		if changed:
			frappe.throw(
				_("{0} comes from the approved assessment {1}; revise the assessment to change it").format(
					", ".join(_(self.meta.get_label(f)) for f in changed), frappe.bold(self.risk_assessment)
				),
				exc=RiskEventChangeError,
				title=_("Not Editable"),
			)
