"""The risk notification card (岗位安全风险告知卡, DOMAIN.md §5.3) of a risk point.

The "Risk Notification Card" print format renders what :func:`get_risk_card_context`
gathers, so the template stays simple. Events and measures are read with
``frappe.get_list``: the card shows only what the person printing may read.
Stored English values of Select fields and seeded masters (levels, types,
classes, accident types) are translated here, in the language being printed.
"""

from __future__ import annotations

from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.utils import cstr, get_url, get_url_to_form

from dual_system.core.levels import LEVEL_COLOURS, LEVEL_HEX, LEVEL_TEXT_HEX, UNGRADED_HEX, level_rank
from dual_system.core.measures import FIVE_CLASSES

CARD_EVENT_STATUSES = ("Active",)
CARD_MEASURE_STATUSES = ("Active", "Planned")
MHI_PERSON_FIELDS = (
	"main_responsible_person",
	"technical_responsible_person",
	"operating_responsible_person",
)


def get_risk_card_context(risk_point_name: str) -> frappe._dict:
	"""Everything the card shows for one risk point, in the current language. A Jinja
	method (hooks.py), so any template may call it: it checks read permission unless
	Frappe prints without permission checks (e.g. a system-sent attachment)."""
	point = frappe.get_doc("Risk Point", risk_point_name)
	if not frappe.flags.ignore_print_permissions:
		point.check_permission("read")

	points = _card_points(point)
	events = _events(points)
	return frappe._dict(
		name=point.name,
		code=point.risk_point_code,
		title=point.risk_point_name,
		risk_point_type=_(point.risk_point_type) if point.risk_point_type else "",
		department=_department_name(point.department),
		location=point.location or "",
		description=cstr(point.description).strip(),
		level=level_band(point.current_risk_level),
		control_level=_(point.current_control_level) if point.current_control_level else "",
		events=events,
		accident_types=_unique([e.accident_type_title for e in events if e.accident_type_title]),
		measure_groups=_measure_groups([e.name for e in events]),
		emergency_actions=lines(point.emergency_actions),
		safety_signs=lines(point.safety_signs),
		responsible_persons=_responsible_persons(point),
		is_major_hazard_installation=bool(point.is_major_hazard_installation),
		mhi_grade=_(point.mhi_grade) if point.mhi_grade else "",
		emergency_numbers=_emergency_numbers(point),
		report_instructions=lines(_settings_text("hazard_report_instructions")),
		qr=qr_code(get_url_to_form("Risk Point", point.name)),
		# the investigator's phone: this point's open inspection tasks (www/inspect.py)
		inspect_qr=qr_code(get_url("/inspect?" + urlencode({"risk_point": point.name}))),
		report_qr=qr_code(report_url(point.name), scale=4),
	)


def report_url(risk_point: str) -> str:
	"""The phone page that reports a hidden danger on this risk point (/report-hazard)."""
	from urllib.parse import urlencode

	from frappe.utils import get_url

	return get_url("/report-hazard?" + urlencode({"risk_point": risk_point}))


def level_band(level: str | None) -> frappe._dict:
	"""Label and colours of the card's band; a point not yet assessed gets a grey one."""
	if level not in LEVEL_HEX:
		return frappe._dict(
			value="", label=_("Not Assessed"), colour="", hex=UNGRADED_HEX, text_hex="#ffffff"
		)
	return frappe._dict(
		value=level,
		label=_(level),
		colour=_(LEVEL_COLOURS[level]),
		hex=LEVEL_HEX[level],
		text_hex=LEVEL_TEXT_HEX[level],
	)


def qr_code(url: str, scale: int = 6) -> frappe._dict:
	"""A QR code of the URL as an inline PNG (wkhtmltopdf prints data URIs; it may not
	fetch local files). Error correction M survives a scuffed card on a wall."""
	import pyqrcode

	code = pyqrcode.create(url, error="M")
	return frappe._dict(url=url, data_uri="data:image/png;base64," + code.png_as_base64_str(scale=scale))


def lines(text: str | None) -> list[str]:
	"""Non-empty lines of a Small Text field."""
	return [line.strip() for line in cstr(text).splitlines() if line.strip()]


def _card_points(point) -> list[str]:
	"""The point, and for an analysis object (group) the active points under it: its
	level rolls up from them, so their hazards belong on its card."""
	if not point.is_group:
		return [point.name]
	children = frappe.get_list(
		"Risk Point",
		filters={"lft": (">", point.lft), "rgt": ("<", point.rgt), "status": "Active"},
		pluck="name",
		order_by="lft asc",
	)
	return [point.name, *children]


def _events(points: list[str]) -> list[frappe._dict]:
	events = frappe.get_list(
		"Risk Event",
		filters={"risk_point": ("in", points), "status": ("in", CARD_EVENT_STATUSES)},
		fields=[
			"name",
			"risk_point",
			"risk_point_name",
			"step_no",
			"step_or_item",
			"hazard",
			"accident_type",
			"consequence",
			"risk_level",
		],
		order_by="creation asc",
	)
	order = {name: i for i, name in enumerate(points)}
	events.sort(key=lambda e: (level_rank(e.risk_level), order.get(e.risk_point, 0), e.step_no or 0))
	for event in events:
		event.accident_type_title = _accident_type_title(event.accident_type)
		event.level = level_band(event.risk_level)
		event.from_child = event.risk_point != points[0]
	return events


def _measure_groups(events: list[str]) -> list[frappe._dict]:
	"""Active and planned measures of the events, by five-category class in the order of
	preference; a measure shared by several events is listed once."""
	if not events:
		return []
	measures = frappe.get_list(
		"Control Measure",
		filters={"risk_event": ("in", events), "status": ("in", CARD_MEASURE_STATUSES)},
		fields=["name", "measure_class", "description", "status"],
		order_by="creation asc",
	)
	groups: dict[str, frappe._dict] = {}
	for measure in measures:
		description = cstr(measure.description).strip()
		if not description:
			continue
		measure_class = measure.measure_class or ""
		group = groups.setdefault(
			measure_class,
			frappe._dict(
				measure_class=measure_class,
				label=_(measure_class) if measure_class else _("Other"),
				measures=[],
			),
		)
		planned = measure.status == "Planned"
		existing = next((m for m in group.measures if m.description == description), None)
		if existing:
			existing.planned = existing.planned and planned
		else:
			group.measures.append(frappe._dict(description=description, planned=planned))

	def class_rank(measure_class: str) -> int:
		return FIVE_CLASSES.index(measure_class) if measure_class in FIVE_CLASSES else len(FIVE_CLASSES)

	return sorted(groups.values(), key=lambda g: class_rank(g.measure_class))


def _responsible_persons(point) -> list[frappe._dict]:
	meta = frappe.get_meta("Risk Point")
	persons = []
	if point.responsible_employee or point.responsible_employee_name:
		persons.append(
			frappe._dict(
				role=_(meta.get_label("responsible_employee")),
				name=point.responsible_employee_name or _employee_name(point.responsible_employee),
			)
		)
	if point.is_major_hazard_installation:
		for field in MHI_PERSON_FIELDS:
			if point.get(field):
				persons.append(
					frappe._dict(role=_(meta.get_label(field)), name=_employee_name(point.get(field)))
				)
	return persons


def _emergency_numbers(point) -> list[str]:
	numbers = lines(_settings_text("emergency_numbers"))
	if point.emergency_contact:
		numbers.append(_("Site emergency contact: {0}").format(point.emergency_contact))
	return numbers


def _settings_text(fieldname: str) -> str:
	# Translated so the shipped default reads in the printing language; text an
	# administrator typed has no translation and comes back unchanged.
	value = cstr(frappe.db.get_single_value("Dual System Settings", fieldname)).strip()
	return _(value) if value else ""


def _employee_name(employee: str | None) -> str:
	# the names on the card are public to whoever may read the point, like a fetched name
	if not employee:
		return ""
	return frappe.db.get_value("Employee", employee, "employee_name") or employee


def _department_name(department: str | None) -> str:
	if not department:
		return ""
	return frappe.db.get_value("Department", department, "department_name") or department


def _accident_type_title(accident_type: str | None) -> str:
	if not accident_type:
		return ""
	values = frappe.get_cached_value(
		"Accident Type", accident_type, ["code", "accident_type_name"], as_dict=True
	)
	if not values:
		return accident_type
	name = _(values.accident_type_name) if values.accident_type_name else ""
	return " ".join(part for part in (values.code, name) if part)


def _unique(values: list[str]) -> list[str]:
	return list(dict.fromkeys(values))
