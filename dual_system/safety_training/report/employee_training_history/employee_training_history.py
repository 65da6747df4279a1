# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Employee training history (安全培训档案): every training on an employee's file
(time, content, trainer, hours, assessment result — Work Safety Law art. 28),
or the hours by year and training type. Prints as the per-person training file."""

from dual_system.services.training_reports import training_history


def execute(filters=None):
	return training_history(filters)
