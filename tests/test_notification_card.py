"""The risk notification card (岗位安全风险告知卡, DOMAIN.md §5.3): the "Risk Notification Card"
print format of Risk Point, printed through Frappe's own print path on the demo plant of
DOMAIN.md §9.1, rolled back after each test."""

from __future__ import annotations

import base64
import functools
import html as html_lib
import io
import os
import re
import threading
import unicodedata
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import frappe
import pytest
from ds_testkit import make_risk_point, make_staff
from frappe.translate import print_language
from frappe.utils import get_url

from dual_system.core.levels import LEVEL_HEX
from dual_system.services import card as card_service

pytestmark = pytest.mark.usefixtures("savepoint")

CARD = "Risk Notification Card"
CARD_METHOD = "dual_system.services.card.get_risk_card_context"


@pytest.fixture(autouse=True)
def fresh_jinja_env():
	"""Jinja environments are cached per request; start each test from the hooks."""
	frappe.local.jenv = None
	yield
	frappe.local.jenv = None


@pytest.fixture(scope="module")
def plant(demo_plant):
	return demo_plant


def print_card(name: str, lang: str | None = None, **kwargs):
	with print_language(lang):
		return frappe.get_print("Risk Point", name, CARD, **kwargs)


def card_text(html: str) -> str:
	"""The card's visible text, whitespace collapsed."""
	body = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
	return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", body)))


def card_band(html: str) -> str:
	return re.search(r'<div class="ds-card-band" style="([^"]+)"', html).group(1)


# --- the print format ---------------------------------------------------------------------
def test_the_card_method_is_a_jinja_hook():
	methods = (frappe.get_hooks("jinja") or {}).get("methods", [])
	assert CARD_METHOD in methods, f'hooks.py needs: jinja = {{"methods": ["{CARD_METHOD}"]}}'


def test_card_is_a_standard_jinja_print_format_of_risk_point():
	fmt = frappe.get_doc("Print Format", CARD)
	assert (
		fmt.doc_type,
		fmt.module,
		fmt.standard,
		fmt.print_format_type,
		fmt.custom_format,
		fmt.disabled,
	) == (
		"Risk Point",
		"Risk Control",
		"Yes",
		"Jinja",
		1,
		0,
	)


# --- what the card shows ------------------------------------------------------------------
@pytest.mark.parametrize(
	"point,level",
	[("RP-01", "Major"), ("RP-02", "Significant"), ("RP-04", "General"), ("RP-06", "Low")],
)
def test_card_band_has_the_level_colour_and_name(plant, point, level):
	html = print_card(point)
	assert frappe.db.get_value("Risk Point", point, "current_risk_level") == level
	assert f"background-color: {LEVEL_HEX[level]}" in card_band(html)
	assert f"{level} Risk" in card_text(html)


def test_card_band_is_translated(plant):
	with print_language("zh"):
		expected = frappe._("{0} Risk").format(frappe._("Major"))
		colour = frappe._("Red")
	text = card_text(print_card("RP-01", lang="zh"))
	assert expected in text and colour in text
	assert "部门" in text  # the field labels too (Frappe's own translation of "Department")


def test_card_identifies_the_risk_point(plant):
	text = card_text(print_card("RP-01"))
	for value in (
		"RP-01",
		"Methanol tank farm, 4 × 2,000 m³",
		"Area / Site",
		"Methanol Workshop",
		"Tank Farm Area",
	):
		assert value in text


def test_card_lists_hazards_accident_types_and_consequences(plant):
	text = card_text(print_card("RP-01"))
	assert "Seal or flange leak of methanol meets an ignition source" in text
	assert "Methanol vapour cloud ignites" in text
	assert "08 Fire" in text and "18 Other Explosion" in text
	assert "Pool fire, several deaths" in text and "Explosion, several deaths" in text


def test_card_groups_active_and_planned_measures_by_class(plant):
	event = frappe.get_all(
		"Risk Event", {"risk_point": "RP-01", "status": "Active"}, pluck="name", order_by="creation"
	)[0]
	for description, status in (("Second foam monitor", "Planned"), ("Old manual sprinkler", "Archived")):
		frappe.get_doc(
			{
				"doctype": "Control Measure",
				"risk_event": event,
				"measure_class": "Engineering Technical Measures",
				"description": description,
				"status": status,
			}
		).insert()
	html = print_card("RP-01")
	measures = html[html.index("ds-card-measures") :]
	rows = re.findall(r'<td class="ds-card-class">(.*?)</td>(.*?)</tr>', measures, flags=re.S)
	groups = {label: card_text(cell) for label, cell in rows}
	assert list(groups) == [
		"Engineering Technical Measures",
		"Management Measures",
		"Personal Protection Measures",
		"Emergency Response Measures",
	]
	engineering = groups["Engineering Technical Measures"]
	assert (
		"High-high level interlock and emergency cut-off" in engineering
		and "Dike and foam system" in engineering
	)
	assert engineering.count("Nitrogen blanket") == 1  # shared by both events, listed once
	assert "Second foam monitor (planned)" in engineering
	assert "Old manual sprinkler" not in html
	assert "Hourly patrol" in groups["Management Measures"]
	assert "Anti-static clothing and shoes" in groups["Personal Protection Measures"]
	assert "Tank-fire plan and drill" in groups["Emergency Response Measures"]


def test_card_leaves_out_archived_events(plant):
	event = frappe.get_all(
		"Risk Event", {"risk_point": "RP-01", "hazard": "Methanol vapour cloud ignites"}, pluck="name"
	)[0]
	frappe.db.set_value("Risk Event", event, "status", "Archived")
	text = card_text(print_card("RP-01"))
	assert "Methanol vapour cloud ignites" not in text
	assert "Seal or flange leak of methanol meets an ignition source" in text


def test_card_of_an_analysis_object_shows_the_hazards_of_its_units(plant):
	group = make_risk_point(
		plant["departments"]["methanol"],
		code="RP-G1",
		risk_point_type="Area / Site",
		is_group=1,
		risk_point_name="Tank farm (analysis object)",
	)
	unit = frappe.get_doc("Risk Point", "RP-03")
	unit.parent_risk_point = group
	unit.save()
	text = card_text(print_card(group))
	assert "Residual vapour or oxygen deficiency" in text
	assert "Tank-cleaning confined-space entry" in text  # the unit it comes from
	assert "Supplied-air respirator" in text


def test_card_names_the_responsible_person_and_the_three_mhi_persons(plant):
	text = card_text(print_card("RP-01"))
	for label, name in (
		("Responsible Person", "Li Na"),
		("Main Responsible Person (包保)", "Zhao Gang"),
		("Technical Responsible Person (包保)", "Sun Hao"),
		("Operating Responsible Person (包保)", "Zhou Min"),
	):
		assert f"{label} {name}" in text


def test_card_of_an_ordinary_point_has_no_mhi_persons(plant):
	text = card_text(print_card("RP-04"))
	assert "Responsible Person Chen Jie" in text
	assert "包保" not in text and "Major Hazard Installation" not in text


def test_card_shows_emergency_actions_signs_numbers_and_how_to_report(plant):
	settings = frappe.get_single("Dual System Settings")
	settings.emergency_numbers = "Fire 119 · Ambulance 120\nPlant fire brigade 6119"
	settings.hazard_report_instructions = "Tell your team leader, or scan the QR code."
	settings.save()
	frappe.db.set_value("Risk Point", "RP-01", "safety_signs", "No open flames\nWear anti-static clothing")
	text = card_text(print_card("RP-01"))
	assert "Stop transfer, close the emergency cut-off" in text
	assert "No open flames" in text and "Wear anti-static clothing" in text
	assert "Fire 119 · Ambulance 120" in text and "Plant fire brigade 6119" in text
	assert "0531-8888 0119" in text  # the point's own emergency contact
	assert "Tell your team leader, or scan the QR code." in text


def test_card_escapes_what_users_typed(plant):
	frappe.db.set_value("Risk Point", "RP-01", "safety_signs", "<script>alert(1)</script>")
	html = print_card("RP-01")
	assert "<script>alert(1)</script>" not in html
	assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- permissions --------------------------------------------------------------------------
def test_card_is_printed_for_an_employee_of_the_department(plant, as_user):
	user, _employee = make_staff(department=plant["departments"]["methanol"], name="Card Reader")
	as_user(user)
	text = card_text(print_card("RP-01"))
	assert "Seal or flange leak of methanol meets an ignition source" in text
	assert "Hourly patrol" in text


def test_card_is_refused_outside_the_department(plant, as_user):
	user, _employee = make_staff(department=plant["departments"]["power"], name="Card Outsider")
	as_user(user)
	with pytest.raises(frappe.PermissionError):
		print_card("RP-01")
	with pytest.raises(frappe.PermissionError):
		card_service.get_risk_card_context("RP-01")


def test_the_person_responsible_for_a_point_elsewhere_prints_its_whole_card(plant, as_user):
	# responsible for RP-01 from the power department: reads the point, so its events and measures
	user, employee = make_staff(department=plant["departments"]["power"], name="Card Owner")
	point = frappe.get_doc("Risk Point", "RP-01")
	point.responsible_employee = employee
	point.save()
	as_user(user)
	text = card_text(print_card("RP-01"))
	assert "Methanol tank farm" in text
	assert "Seal or flange leak" in text and "Hourly patrol" in text
	assert "No risk events recorded." not in text


# --- QR code ------------------------------------------------------------------------------
def test_qr_code_opens_the_risk_point(plant):
	html = print_card("RP-01")
	src = re.search(r'<img class="ds-card-qr-code" src="data:image/png;base64,([^"]+)"', html).group(1)
	url = get_url() + "/app/risk-point/RP-01"
	assert card_service.get_risk_card_context("RP-01").qr.url == url
	assert decode_qr(base64.b64decode(src)) == url


def test_qr_code_of_a_name_with_spaces_and_chinese_is_a_valid_url(plant):
	name = make_risk_point(plant["departments"]["methanol"], code="RP 09 罐区")
	html = print_card(name)
	src = re.search(r'<img class="ds-card-qr-code" src="data:image/png;base64,([^"]+)"', html).group(1)
	assert decode_qr(base64.b64decode(src)) == get_url() + "/app/risk-point/RP%2009%20%E7%BD%90%E5%8C%BA"


# --- PDF ------------------------------------------------------------------------------------
@pytest.fixture
def static_assets(monkeypatch):
	"""Serve the bench's /assets the way nginx does and use it as the site URL:
	wkhtmltopdf fetches the print stylesheet from the site URL, and a test site's name
	(*.localhost) does not resolve on a developer machine."""
	handler = functools.partial(_AssetsHandler, directory=os.getcwd())
	server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
	thread = threading.Thread(target=server.serve_forever, daemon=True)
	thread.start()
	monkeypatch.setitem(frappe.local.conf, "host_name", f"http://127.0.0.1:{server.server_address[1]}")
	yield
	server.shutdown()
	server.server_close()


class _AssetsHandler(SimpleHTTPRequestHandler):
	"""Files under sites/assets only (the sites folder also holds site configs)."""

	def send_head(self):
		if not self.path.startswith("/assets/") or ".." in self.path:
			self.send_error(404)
			return None
		return super().send_head()

	def log_message(self, *args):
		pass


def test_pdf_in_chinese_shows_chinese_text(plant, static_assets):
	settings = frappe.get_single("Dual System Settings")
	settings.emergency_numbers = "火警 119 · 急救 120 · 报警 110"
	settings.save()
	frappe.db.set_value(
		"Risk Point",
		"RP-01",
		{"risk_point_name": "甲醇罐区", "safety_signs": "禁止烟火\n当心爆炸"},
	)
	pdf = print_card("RP-01", lang="zh", as_pdf=True)
	assert pdf.startswith(b"%PDF-")

	from pypdf import PdfReader

	reader = PdfReader(io.BytesIO(pdf))
	assert len(reader.pages) == 1
	fonts = {
		str(font.get_object()["/BaseFont"])
		for page in reader.pages
		for font in page["/Resources"]["/Font"].get_object().values()
	}
	assert any("CJK" in font for font in fonts), fonts  # a Chinese font is embedded: no boxes
	text = pdf_text(reader)
	for chinese in ("甲醇罐区", "禁止烟火", "当心爆炸", "火警", "急救"):
		assert chinese in text, text


def pdf_text(reader) -> str:
	"""The PDF's text layer. wkhtmltopdf maps some ideographs to look-alike Kangxi radicals
	there (止 → ⽌; NFKC folds them back) and garbles digits set in the CJK font, so only
	Chinese words are compared."""
	return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def decode_qr(png: bytes) -> str:
	"""The text of the QR code in a PNG, read by a real decoder (zxing-cpp)."""
	import zxingcpp
	from PIL import Image

	results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
	assert len(results) == 1, f"expected one QR code, found {len(results)}"
	return results[0].text
