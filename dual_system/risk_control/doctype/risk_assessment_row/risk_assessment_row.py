# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedChild


class RiskAssessmentRow(ScopedChild, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accident_type: DF.Link
		accident_type_standard: DF.Data | None
		band_label: DF.Data | None
		check_standard: DF.SmallText | None
		computed_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		consequence: DF.SmallText | None
		control_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		existing_emergency: DF.SmallText | None
		existing_engineering: DF.SmallText | None
		existing_management: DF.SmallText | None
		existing_ppe: DF.SmallText | None
		existing_training: DF.SmallText | None
		factor_1: DF.Literal[None]
		factor_2: DF.Literal[None]
		factor_3: DF.Literal[None]
		forced_major_reason: DF.Link | None
		hazard: DF.SmallText
		hazard_factor_category: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recommended_emergency: DF.SmallText | None
		recommended_engineering: DF.SmallText | None
		recommended_management: DF.SmallText | None
		recommended_ppe: DF.SmallText | None
		recommended_training: DF.SmallText | None
		remarks: DF.SmallText | None
		responsible_department: DF.Link | None
		responsible_employee: DF.Link | None
		risk_event: DF.Link | None
		risk_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		score: DF.Float
		step_no: DF.Int
		step_or_item: DF.Data
	# end: auto-generated types
	pass
