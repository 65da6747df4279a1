"""Demo plant layout for the four-colour risk map: a schematic PNG drawn with
Pillow whose zones match the map positions of ``setup.demo.RISK_POINTS``, saved
as a public File and used by a "Risk Map Layout" record.

Run with ``bench --site demo.localhost execute dual_system.setup.demo_layout.create_demo_layout
--kwargs "{'company': 'Qilu Chemical Group'}"``. Running it twice changes nothing.
"""

from __future__ import annotations

import io
import os

import frappe


def _(message: str) -> str:
	return message


LAYOUT_NAME = "Main Plant"
FILE_NAME = "main-plant-layout.png"
WIDTH, HEIGHT = 1600, 1000

# zones in percent of the image: (label, x0, y0, x1, y1); the risk points of the demo
# (map_x, map_y) fall inside the zone of their location
ZONES = [
	(_("Tank Farm Area"), 5, 10, 34, 46),
	(_("Hydrogenation Unit"), 38, 10, 51, 44),
	(_("Raw Material Warehouse"), 60, 6, 78, 22),
	(_("Cooling Tower"), 82, 6, 94, 22),
	(_("Metalworking Hall"), 58, 34, 94, 84),
	(_("Administration Building"), 5, 64, 27, 84),
	(_("Switch Room"), 33, 66, 48, 84),
]
# roads in percent: (x0, y0, x1, y1)
ROADS = [
	(52, 0, 56, 100),
	(0, 52, 56, 57),
	(56, 26, 100, 30),
	(0, 89, 100, 93),
]

BACKGROUND = "#f3f0e8"
ZONE_FILL = "#ffffff"
ZONE_LINE = "#4b5563"
ROAD_FILL = "#cfd4da"
DETAIL_LINE = "#9aa3ad"
TEXT = "#1f2937"
MUTED = "#6b7280"


def create_demo_layout(company: str) -> str:
	"""The company's "Main Plant" layout (created with its image when absent); the
	company's risk points that have a map position but no layout are put on it
	(work activities have no place on the map).
	Returns the layout's name."""
	layout = frappe.db.get_value(
		"Risk Map Layout", {"company": company, "layout_name": ("like", f"{LAYOUT_NAME}%")}
	)
	if not layout:
		layout = _create_layout(company)
	point = frappe.qb.DocType("Risk Point")
	(
		frappe.qb.update(point)
		.set(point.map_layout, layout)
		.where(
			(point.company == company)
			& (point.risk_point_type != "Work Activity")
			# Float columns are NOT NULL DEFAULT 0: an unplaced point sits at (0, 0)
			& ((point.map_x != 0) | (point.map_y != 0))
			& (point.map_layout.isnull() | (point.map_layout == ""))
		)
		.run()
	)
	return layout


def _create_layout(company: str) -> str:
	name = LAYOUT_NAME
	if frappe.db.exists("Risk Map Layout", name):
		# layout names are unique across companies
		name = f"{LAYOUT_NAME} - {frappe.get_cached_value('Company', company, 'abbr')}"
	file_doc = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": FILE_NAME,
			"is_private": 0,
			"content": draw_layout_png(),
		}
	)
	file_doc.insert(ignore_permissions=True)
	# saving the layout attaches the (still unattached) file to it
	layout = frappe.get_doc(
		{
			"doctype": "Risk Map Layout",
			"layout_name": name,
			"company": company,
			"layout_image": file_doc.file_url,
			"description": "Schematic layout of the demo plant (not to scale).",
		}
	)
	layout.insert(ignore_permissions=True)
	return layout.name


# --- drawing -----------------------------------------------------------------------------
def draw_layout_png() -> bytes:
	"""A schematic plant layout: zones, roads and a few equipment outlines."""
	from PIL import Image, ImageDraw

	image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
	draw = ImageDraw.Draw(image)
	label_font = _font(26, bold=True)
	small_font = _font(18)

	for x0, y0, x1, y1 in ROADS:
		draw.rectangle(_box(x0, y0, x1, y1), fill=ROAD_FILL)
	for x0, y0, x1, y1 in ROADS:
		_centre_line(draw, x0, y0, x1, y1)

	for label, x0, y0, x1, y1 in ZONES:
		draw.rectangle(_box(x0, y0, x1, y1), fill=ZONE_FILL, outline=ZONE_LINE, width=4)
		_zone_label(draw, _t(label), x0, x1, y0)

	_tank_farm(draw, small_font)
	_hydrogenation(draw, small_font)
	_metalworking_hall(draw, small_font)
	_switch_room(draw, small_font)

	draw.text((_px(20), _py(57.5) + 4), _t(_("Plant Roads")), fill=MUTED, font=label_font)
	draw.text((_px(30), _py(93) + 6), _t(_("Plant Roads")), fill=MUTED, font=small_font)
	draw.text((_px(1), _py(93) + 6), _t(_("Main Gate")), fill=TEXT, font=small_font)
	_north_arrow(draw, label_font)
	draw.text(
		(_px(62), _py(93) + 16),
		_t(_("Main Plant - schematic layout, not to scale")),
		fill=MUTED,
		font=small_font,
	)

	buffer = io.BytesIO()
	image.save(buffer, format="PNG", optimize=True)
	return buffer.getvalue()


def _zone_label(draw, label, x0, x1, y0):
	"""The zone's name at its top left, wrapped onto several lines when too wide
	and set smaller when one word does not fit."""
	room = _px(x1) - _px(x0) - 28
	size = 26
	font = _font(size, bold=True)
	while size > 16 and max(draw.textlength(word, font=font) for word in label.split()) > room:
		size -= 2
		font = _font(size, bold=True)
	lines, line = [], ""
	for word in label.split():
		candidate = f"{line} {word}".strip()
		if line and draw.textlength(candidate, font=font) > room:
			lines.append(line)
			candidate = word
		line = candidate
	lines.append(line)
	for i, text in enumerate(lines):
		draw.text((_px(x0) + 14, _py(y0) + 10 + i * (size + 6)), text, fill=TEXT, font=font)


def _tank_farm(draw, font):
	# dike wall and four methanol tanks
	draw.rectangle(_box(8, 17, 31, 43), outline=DETAIL_LINE, width=3)
	for cx, cy in ((14, 23.5), (27, 23.5), (14, 36.5), (27, 36.5)):
		draw.ellipse(_circle(cx, cy, 48), outline=ZONE_LINE, width=3)
	draw.text((_px(9), _py(43) + 6), _t(_("Dike, 4 x 2,000 m3 methanol tanks")), fill=MUTED, font=font)


def _hydrogenation(draw, font):
	draw.ellipse(_circle(47, 28, 30), outline=ZONE_LINE, width=3)
	draw.text((_px(44.5), _py(33)), "R-201", fill=MUTED, font=font)
	for cx in (40.5, 42.5):
		draw.rectangle(_box(cx - 0.6, 20, cx + 0.6, 41), outline=DETAIL_LINE, width=2)


def _metalworking_hall(draw, font):
	# polishing workshop, press bay, crane runway
	draw.rectangle(_box(59.5, 39, 71, 54), outline=DETAIL_LINE, width=3)
	draw.text((_px(60), _py(54) + 4), _t(_("Polishing workshop")), fill=MUTED, font=font)
	draw.rectangle(_box(65, 58, 76, 68), outline=DETAIL_LINE, width=3)
	draw.text((_px(65.5), _py(68) + 4), _t(_("Press bay")), fill=MUTED, font=font)
	for y in (46, 50):
		draw.line([(_px(73), _py(y)), (_px(92), _py(y))], fill=DETAIL_LINE, width=3)
	draw.text((_px(80), _py(50) + 4), _t(_("Crane runway")), fill=MUTED, font=font)


def _switch_room(draw, font):
	for i in range(5):
		x = 35 + i * 2.4
		draw.rectangle(_box(x, 71, x + 1.6, 81), outline=DETAIL_LINE, width=2)
	draw.text((_px(34), _py(81) + 4), _t(_("10 kV panels")), fill=MUTED, font=font)


def _north_arrow(draw, font):
	x, y = _px(97), _py(5)
	draw.polygon([(x, y - 28), (x - 12, y + 10), (x + 12, y + 10)], fill=TEXT)
	draw.text((x - 9, y + 12), "N", fill=TEXT, font=font)


def _centre_line(draw, x0, y0, x1, y1):
	horizontal = (x1 - x0) / 100 * WIDTH > (y1 - y0) / 100 * HEIGHT
	if horizontal:
		y = _py((y0 + y1) / 2)
		for x in range(_px(x0), _px(x1), 40):
			draw.line([(x, y), (x + 20, y)], fill="#ffffff", width=3)
	else:
		x = _px((x0 + x1) / 2)
		for y in range(_py(y0), _py(y1), 40):
			draw.line([(x, y), (x, y + 20)], fill="#ffffff", width=3)


def _t(text: str) -> str:
	"""Labels in the site's language (a Chinese site gets a Chinese drawing)."""
	return frappe._(text, lang=frappe.db.get_default("lang") or "en")


def _font(size: int, bold: bool = False):
	from PIL import ImageFont

	# Noto Sans CJK draws Latin and Chinese alike; face 2 of the collection is Simplified Chinese
	cjk = f"/usr/share/fonts/opentype/noto/NotoSansCJK-{'Bold' if bold else 'Regular'}.ttc"
	if os.path.exists(cjk):
		return ImageFont.truetype(cjk, size, index=2)

	name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
	for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
		path = os.path.join(folder, name)
		if os.path.exists(path):
			return ImageFont.truetype(path, size)
	try:
		return ImageFont.load_default(size=size)
	except TypeError:  # Pillow < 10.1
		return ImageFont.load_default()


def _px(x: float) -> int:
	return round(x / 100 * WIDTH)


def _py(y: float) -> int:
	return round(y / 100 * HEIGHT)


def _box(x0, y0, x1, y1) -> tuple[int, int, int, int]:
	return (_px(x0), _py(y0), _px(x1), _py(y1))


def _circle(cx, cy, radius) -> tuple[int, int, int, int]:
	return (_px(cx) - radius, _py(cy) - radius, _px(cx) + radius, _py(cy) + radius)
