# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe import _
from frappe.model.document import Document

from dual_system.core.levels import DEFAULT_CONTROL_LEVEL, ControlMappingOutOfOrder, check_control_mapping
from dual_system.services.errors import ControlLevelError, throw_core_error


class DualSystemSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		control_level_general: DF.Literal["Company Level", "Workshop Level", "Team Level", "Post Level"]
		control_level_low: DF.Literal["Company Level", "Workshop Level", "Team Level", "Post Level"]
		control_level_major: DF.Literal["Company Level", "Workshop Level", "Team Level", "Post Level"]
		control_level_significant: DF.Literal["Company Level", "Workshop Level", "Team Level", "Post Level"]
		deadline_company_days: DF.Int
		deadline_on_the_spot_hours: DF.Int
		deadline_team_days: DF.Int
		deadline_workshop_days: DF.Int
		default_evaluation_method: DF.Link | None
		emergency_numbers: DF.SmallText | None
		escalation_days_overdue: DF.Int
		hazard_report_instructions: DF.SmallText | None
		new_employee_months: DF.Int
		recurrence_ticket_count: DF.Int
		recurrence_window_days: DF.Int
		reminder_days_before_deadline: DF.Int
		review_interval_months: DF.Int
		review_reminder_days: DF.Int
		send_notifications: DF.Check
		task_horizon_days: DF.Int
		training_expiry_warn_days: DF.Int
		training_gate: DF.Literal["Off", "Warn", "Block"]

	# end: auto-generated types
	def validate(self):
		self.validate_control_mapping()

	def validate_control_mapping(self):
		mapping = {
			level: self.get(f"control_level_{level.lower()}") or default
			for level, default in DEFAULT_CONTROL_LEVEL.items()
		}
		try:
			check_control_mapping(mapping)
		except ControlMappingOutOfOrder as e:
			throw_core_error(e, exc=ControlLevelError, title=_("Control Levels Out of Order"))
