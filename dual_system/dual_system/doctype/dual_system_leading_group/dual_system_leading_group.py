# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""A company's leading group for building the dual prevention mechanism
(双重预防机制建设领导小组): its members, their role in the group and duties."""

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.services.errors import LeadingGroupError
from dual_system.services.training import check_employee_rows

MEMBER_FIELDS = ("employee_name", "designation")


class DualSystemLeadingGroup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.dual_system.doctype.dual_system_leading_group_member.dual_system_leading_group_member import (
			DualSystemLeadingGroupMember,
		)

		company: DF.Link
		company_abbr: DF.Data | None
		document_no: DF.Data | None
		established_on: DF.Date | None
		group_name: DF.Data
		members: DF.Table[DualSystemLeadingGroupMember]
		office_department: DF.Link | None
		responsibilities: DF.TextEditor | None
	# end: auto-generated types

	def validate(self):
		self.validate_one_group_per_company()
		self.validate_members()
		self.validate_one_leader()

	def validate_one_group_per_company(self):
		other = frappe.db.get_value(
			self.doctype, {"company": self.company, "name": ("!=", self.name or "")}, "name"
		)
		if other:
			frappe.throw(
				_("{0} already has a leading group: {1}").format(
					frappe.bold(self.company), frappe.bold(other)
				),
				exc=LeadingGroupError,
				title=_("Already Exists"),
			)

	def validate_members(self):
		"""Active employees of the company or of its subsidiaries, each listed once."""
		check_employee_rows(self.members, self.company, MEMBER_FIELDS, LeadingGroupError, _("Invalid Member"))

	def validate_one_leader(self):
		leaders = [row for row in self.members if row.group_role == "Leader"]
		if self.members and len(leaders) != 1:
			frappe.throw(
				_("A leading group has exactly one leader, not {0}").format(len(leaders)),
				exc=LeadingGroupError,
				title=_("Leader"),
			)
