# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


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
		reminder_days_before_deadline: DF.Int
		review_interval_months: DF.Int
		review_reminder_days: DF.Int
		send_notifications: DF.Check
		task_horizon_days: DF.Int
		training_expiry_warn_days: DF.Int
		training_gate: DF.Literal["Off", "Warn", "Block"]
	# end: auto-generated types
	pass
