# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""The group's dual-system construction progress: each company of a parent
company's tree with its construction plan, and every group company with its
subsidiaries' milestones added up."""

from dual_system.services.training_reports import group_progress


def execute(filters=None):
	return group_progress(filters)
