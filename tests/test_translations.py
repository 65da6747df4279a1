"""Simplified Chinese: the catalogue is complete and Frappe serves it."""

import os
import re

import frappe
import pytest
from babel.messages.pofile import read_po
from ds_testkit import lec_row, make_assessment, make_risk_point
from frappe.utils import strip_html

from dual_system.services.errors import InvalidRiskEvaluation

LOCALE = os.path.join(os.path.dirname(__file__), "..", "dual_system", "locale")
PLACEHOLDER = re.compile(r"\{\d+\}")


def catalogue(name):
	with open(os.path.join(LOCALE, name), "rb") as f:
		return read_po(f)


def messages_in_source() -> set[str]:
	"""Every translatable string of the app, extracted from its source now — as
	``bench generate-pot-file`` does — so a string added without a translation fails."""
	from babel.messages.extract import extract_from_dir
	from frappe.gettext.translate import DEFAULT_KEYWORDS, get_is_gitignored_function_for_app, get_method_map

	is_gitignored = get_is_gitignored_function_for_app("dual_system")

	def directory_filter(dirpath) -> bool:
		name = os.path.basename(dirpath)
		return not (is_gitignored(str(dirpath)) or name.startswith((".", "_")) or name == "tests")

	keywords = {**DEFAULT_KEYWORDS, "_lt": None}
	method_map = get_method_map("dual_system") + get_method_map("frappe")
	app_path = frappe.get_pymodule_path("dual_system", "..")
	return {
		message
		for _file, _line, message, _comments, _context in extract_from_dir(
			app_path, method_map, directory_filter=directory_filter, keywords=keywords
		)
		if message and isinstance(message, str)
	}


def test_every_string_of_the_app_has_a_chinese_translation():
	source = messages_in_source()
	assert len(source) > 500, "the extraction found too few strings"
	chinese = {m.id: m.string for m in catalogue("zh.po") if m.id}
	missing = sorted(source - {k for k, v in chinese.items() if v})
	assert missing == []


def test_translations_keep_their_placeholders():
	wrong = [
		m.id
		for m in catalogue("zh.po")
		if m.id and m.string and sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string))
	]
	assert wrong == []


@pytest.mark.parametrize(
	"english,chinese",
	[
		("Risk Point", "风险点"),
		("Major", "重大"),
		("Company Level", "公司级"),
		("Management Measures", "管理措施"),
		("Risk Register", "风险分级管控清单"),
		("Risk Notification Card", "岗位安全风险告知卡"),
		("Fire", "火灾"),
	],
)
def test_frappe_serves_the_chinese_terms(english, chinese):
	assert frappe._(english, lang="zh") == chinese


@pytest.mark.usefixtures("db")
def test_an_error_message_reaches_a_chinese_user_in_chinese(org):
	frappe.db.set_value("User", org.user("officer"), "language", "zh")
	frappe.set_user(org.user("officer"))
	frappe.local.lang = "zh"
	try:
		point = make_risk_point(org.dept["a"])
		with pytest.raises(InvalidRiskEvaluation) as e:
			make_assessment(point, [lec_row(4, 6, 40)])
	finally:
		frappe.local.lang = "en"
	message = strip_html(str(e.value))
	assert message.startswith(frappe._("Row {0}", lang="zh").format(1))
	assert "LEC" in message and "10, 6, 3, 1, 0.5, 0.2, 0.1" in message
	assert "is not allowed" not in message
