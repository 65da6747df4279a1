# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core.scoring import definition_problems
from dual_system.services.errors import InvalidMethodDefinition, translate_args
from dual_system.services.evaluation import method_from_doc


class RiskEvaluationMethod(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.dual_system.doctype.risk_evaluation_band.risk_evaluation_band import (
			RiskEvaluationBand,
		)
		from dual_system.dual_system.doctype.risk_evaluation_factor.risk_evaluation_factor import (
			RiskEvaluationFactor,
		)
		from dual_system.dual_system.doctype.risk_evaluation_factor_value.risk_evaluation_factor_value import (
			RiskEvaluationFactorValue,
		)

		bands: DF.Table[RiskEvaluationBand]
		description: DF.SmallText | None
		enabled: DF.Check
		factor_values: DF.Table[RiskEvaluationFactorValue]
		factors: DF.Table[RiskEvaluationFactor]
		formula: DF.Data | None
		method_code: DF.Data
		method_name: DF.Data
		score_symbol: DF.Data

	# end: auto-generated types
	def validate(self):
		self.validate_factor_values_reference_factors()
		self.validate_definition()
		self.set_formula()

	def validate_factor_values_reference_factors(self):
		codes = {f.factor_code for f in self.factors}
		for row in self.factor_values:
			if row.factor_code not in codes:
				frappe.throw(
					_(
						"Row {0} of Allowed Values: factor {1} is not one of this method's factors ({2})"
					).format(row.idx, frappe.bold(row.factor_code), ", ".join(sorted(codes))),
					exc=InvalidMethodDefinition,
					title=_("Invalid Evaluation Method"),
				)

	def validate_definition(self):
		problems = definition_problems(method_from_doc(self))
		if problems:
			messages = [_(template).format(*translate_args(args)) for template, args in problems]
			frappe.throw(
				"<br>".join(messages), exc=InvalidMethodDefinition, title=_("Invalid Evaluation Method")
			)

	def set_formula(self):
		product = " × ".join(f.factor_code for f in self.factors)
		self.formula = f"{self.score_symbol or 'R'} = {product}"
