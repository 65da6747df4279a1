# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

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


class RiskEventChangeError(DualSystemValidationError):
	pass


class RiskEvent(Document):
	def validate(self):
		self.protect_assessed_fields()
		self.control_level = risk.validated_control_level(
			self.risk_level, self.control_level, _("Risk Event")
		)

	def on_update(self):
		before = self.get_doc_before_save()
		if before and before.control_level != self.control_level:
			risk.refresh_risk_levels(self.risk_point)

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
