# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""The compliance matrix: every active employee of a company (or department
subtree) × every training requirement — OK, expiring within the warning days,
expired or missing — and the three-level induction of new employees."""

from dual_system.services.training_reports import compliance_matrix


def execute(filters=None):
	return compliance_matrix(filters)
