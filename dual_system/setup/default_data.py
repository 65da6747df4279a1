"""Master data seeded on install, with the defaults of DOMAIN.md.

Strings are stored in English and marked with ``_`` for extraction; the
Simplified Chinese names come from ``locale/zh.po`` (the master doctypes are
"translated doctypes", so links and searches show the translation). Changing a
default later means a patch, not an edit here alone: install seeds only what is
absent, so a record an administrator deleted does not come back on migrate.
"""


def _(message: str) -> str:
	"""Marks a string for extraction without translating what goes into the database."""
	return message


ROLES = (
	# role, desk access
	("Safety Manager", 1),
	("Company Principal", 1),
	("Safety Officer", 1),
	("Department Safety Lead", 1),
	("Inspector", 1),
	("Rectification Owner", 1),
)


# ERPNext masters the safety doctypes link to: the app's roles may find them in
# link fields and reports ("select": name and title, not the record itself)
MASTER_ACCESS = {
	"Location": "select",
	"Asset": "select",
	"Designation": "select",
	"Department": "select",
	"Employee": "select",
}


def _values(pairs):
	return [{"value": v, "meaning": m} for v, m in pairs]


EVALUATION_METHODS = [
	{
		"method_code": "LEC",
		"method_name": _("Job Condition Hazard Evaluation (LEC)"),
		"score_symbol": "D",
		"description": _("D = L × E × C. Choose each factor from its listed values only."),
		"factors": [
			{
				"factor_code": "L",
				"factor_name": _("Likelihood"),
				"values": _values(
					[
						(10, _("Fully expected")),
						(6, _("Quite possible")),
						(3, _("Possible but unusual")),
						(1, _("Unlikely")),
						(0.5, _("Very unlikely but conceivable")),
						(0.2, _("Extremely unlikely")),
						(0.1, _("Practically impossible")),
					]
				),
			},
			{
				"factor_code": "E",
				"factor_name": _("Exposure"),
				"values": _values(
					[
						(10, _("Continuous")),
						(6, _("Daily in working hours")),
						(3, _("Weekly or occasional")),
						(2, _("Monthly")),
						(1, _("A few times a year")),
						(0.5, _("Very rare")),
					]
				),
			},
			{
				"factor_code": "C",
				"factor_name": _("Consequence"),
				"values": _values(
					[
						(100, _("Catastrophe, many deaths")),
						(40, _("Disaster, several deaths")),
						(15, _("Very serious, one death")),
						(7, _("Serious injury")),
						(3, _("Disabling injury")),
						(1, _("Noticeable, first aid")),
					]
				),
			},
		],
		"bands": [
			{"risk_level": "Major", "lower_bound": 320, "lower_inclusive": 0, "no_upper_bound": 1},
			{
				"risk_level": "Significant",
				"lower_bound": 160,
				"lower_inclusive": 1,
				"upper_bound": 320,
				"upper_inclusive": 1,
			},
			{
				"risk_level": "General",
				"lower_bound": 70,
				"lower_inclusive": 1,
				"upper_bound": 160,
				"upper_inclusive": 0,
			},
			{
				"risk_level": "Low",
				"lower_bound": 20,
				"lower_inclusive": 1,
				"upper_bound": 70,
				"upper_inclusive": 0,
			},
			{
				"risk_level": "Low",
				"lower_bound": 0,
				"lower_inclusive": 1,
				"upper_bound": 20,
				"upper_inclusive": 0,
				"band_label": _("Acceptable"),
			},
		],
	},
	{
		"method_code": "LS",
		"method_name": _("Risk Matrix (LS)"),
		"score_symbol": "R",
		"description": _(
			"R = L × S. S is one value: the worst of its dimensions — legal (5 breaks the law … 1 compliant), "
			"people (5 death, 4 permanent disability, 3 amputation, fracture or chronic disease, 2 minor injury, 1 none), "
			"direct loss (5 over ¥1M, 4 over ¥500k, 3 over ¥10k, 2 under ¥10k, 1 none), downtime and reputation."
		),
		"factors": [
			{
				"factor_code": "L",
				"factor_name": _("Likelihood"),
				"values": _values(
					[
						(5, _("No prevention or monitoring; happens regularly")),
						(4, _("Hard to detect or controls not applied; happens often")),
						(
							3,
							_("No protective device or PPE, or procedures not followed; has happened before"),
						),
						(2, _("Detected promptly, effective controls; occasional past events")),
						(1, _("Full effective controls; extremely unlikely")),
					]
				),
			},
			{
				"factor_code": "S",
				"factor_name": _("Severity"),
				"values": _values(
					[
						(5, _("Death, or breaks the law, or loss over ¥1M")),
						(4, _("Permanent disability, or loss over ¥500k")),
						(3, _("Amputation, fracture or chronic disease, or loss over ¥10k")),
						(2, _("Minor injury, or loss under ¥10k")),
						(1, _("No injury, no loss, compliant")),
					]
				),
			},
		],
		"bands": [
			{
				"risk_level": "Major",
				"lower_bound": 20,
				"lower_inclusive": 1,
				"upper_bound": 25,
				"upper_inclusive": 1,
			},
			{
				"risk_level": "Significant",
				"lower_bound": 15,
				"lower_inclusive": 1,
				"upper_bound": 16,
				"upper_inclusive": 1,
			},
			{
				"risk_level": "General",
				"lower_bound": 9,
				"lower_inclusive": 1,
				"upper_bound": 12,
				"upper_inclusive": 1,
			},
			{
				"risk_level": "Low",
				"lower_bound": 4,
				"lower_inclusive": 1,
				"upper_bound": 8,
				"upper_inclusive": 1,
			},
			{
				"risk_level": "Low",
				"lower_bound": 1,
				"lower_inclusive": 1,
				"upper_bound": 3,
				"upper_inclusive": 1,
				"band_label": _("Negligible"),
			},
		],
	},
	{
		"method_code": "MES",
		"method_name": _("MES Evaluation"),
		"score_symbol": "R",
		"description": _("R = M × E × S: state of controls × exposure × severity."),
		"factors": [
			{
				"factor_code": "M",
				"factor_name": _("State of Controls"),
				"values": _values(
					[
						(5, _("No controls")),
						(3, _("Mitigating only (alarms, PPE)")),
						(1, _("Effective prevention")),
					]
				),
			},
			{
				"factor_code": "E",
				"factor_name": _("Exposure"),
				"values": _values(
					[
						(10, _("Continuous")),
						(6, _("Daily")),
						(3, _("Weekly or occasional")),
						(2, _("Monthly")),
						(1, _("A few times a year")),
						(0.5, _("Rarer")),
					]
				),
			},
			{
				"factor_code": "S",
				"factor_name": _("Severity"),
				"values": _values(
					[
						(10, _("Several deaths")),
						(8, _("One death or several permanent disabilities")),
						(4, _("One permanent disability")),
						(2, _("Lost-time injury")),
						(1, _("First aid only")),
					]
				),
			},
		],
		"bands": [
			{"risk_level": "Major", "lower_bound": 180, "lower_inclusive": 1, "no_upper_bound": 1},
			{
				"risk_level": "Significant",
				"lower_bound": 90,
				"lower_inclusive": 1,
				"upper_bound": 180,
				"upper_inclusive": 0,
			},
			{
				"risk_level": "General",
				"lower_bound": 50,
				"lower_inclusive": 1,
				"upper_bound": 90,
				"upper_inclusive": 0,
			},
			{
				"risk_level": "Low",
				"lower_bound": 20,
				"lower_inclusive": 1,
				"upper_bound": 50,
				"upper_inclusive": 0,
			},
			{
				"risk_level": "Low",
				"lower_bound": 0,
				"lower_inclusive": 1,
				"upper_bound": 20,
				"upper_inclusive": 0,
				"band_label": _("Acceptable"),
			},
		],
	},
]

ACCIDENT_TYPE_STANDARD = "GB 6441-1986"
ACCIDENT_TYPES = [
	("01", _("Struck by Object")),
	("02", _("Vehicle Injury")),
	("03", _("Machinery Injury")),
	("04", _("Lifting Injury")),
	("05", _("Electric Shock")),
	("06", _("Drowning")),
	("07", _("Burns and Scalds")),
	("08", _("Fire")),
	("09", _("Fall from Height")),
	("10", _("Collapse")),
	("11", _("Roof Fall and Rib Spalling")),
	("12", _("Water Inrush")),
	("13", _("Blasting")),
	("14", _("Explosive Material Explosion")),
	("15", _("Gas Explosion")),
	("16", _("Boiler Explosion")),
	("17", _("Pressure Vessel Explosion")),
	("18", _("Other Explosion")),
	("19", _("Poisoning and Asphyxiation")),
	("20", _("Other Injury")),
]

HAZARD_FACTOR_STANDARD = "GB/T 13861-2022"
# (code, name, parent code)
HAZARD_FACTOR_CATEGORIES = [
	("1", _("Person Factors"), None),
	("11", _("Psychological and Physiological Factors"), "1"),
	("12", _("Behavioural Factors"), "1"),
	("2", _("Object Factors"), None),
	("21", _("Physical Factors"), "2"),
	("22", _("Chemical Factors"), "2"),
	("23", _("Biological Factors"), "2"),
	("3", _("Environment Factors"), None),
	("31", _("Poor Indoor Workplace Environment"), "3"),
	("32", _("Poor Outdoor Workplace Environment"), "3"),
	("33", _("Poor Underground or Underwater Work Environment"), "3"),
	("39", _("Other Poor Work Environment"), "3"),
	("4", _("Management Factors"), None),
	("41", _("Deficient Safety Organisation and Staffing"), "4"),
	("42", _("Deficient or Unimplemented Responsibility System"), "4"),
	("43", _("Deficient or Unimplemented Rules and Procedures"), "4"),
	("44", _("Insufficient Safety Investment"), "4"),
	("45", _("Deficient Occupational Health Management"), "4"),
	("49", _("Other Management Deficiencies"), "4"),
]

# DOMAIN.md §4.4 (wording varies by sector rule: editable)
# the reason new rows of a major hazard installation's assessment get by default
MHI_FORCED_MAJOR_REASON = "MHI"
FORCED_MAJOR_REASONS = [
	(
		"LEGAL",
		_("Breaches laws, regulations or mandatory national standards"),
		_("It breaches laws, regulations or mandatory clauses of national standards."),
	),
	(
		"ACCIDENT",
		_("Serious accident happened and conditions persist"),
		_(
			"A fatality, serious injury, occupational disease or major property loss (or three or more minor "
			"injuries) happened there and the conditions still exist."
		),
	),
	(
		"MHI",
		_("Involves a major hazard installation"),
		_("It involves a major hazard installation."),
	),
	(
		"CROWD",
		_("Poisoning, explosion or fire hazard with 10 or more workers"),
		_("A site with poisoning, explosion or fire hazard where 10 or more people work."),
	),
	(
		"COMPANY",
		_("Company's own criteria"),
		_("The company's own criteria classify it as a major risk."),
	),
]

MAJOR_HIDDEN_DANGER_STANDARD = {
	"standard_code": "AJZGS-2017-121",
	"standard_title": _(
		"Criteria for Major Hidden Dangers in Chemical and Hazardous Chemical Units (2017 No. 121)"
	),
	"sector": _("Chemical and Hazardous Chemicals"),
}
MAJOR_HIDDEN_DANGER_CRITERIA = [
	_("Main responsible person or safety managers not assessed as qualified"),
	_("Special-operations workers working without certificates"),
	_("External safety distances of two-key-points-one-major units below standard"),
	_("Key hazardous processes lack automatic control or emergency shutdown, or not in service"),
	_("Class 1–2 major-hazard tank farms lack emergency cut-off, or SIS where toxic or liquefied gas"),
	_("Pressurised liquefied-hydrocarbon tanks lack water injection"),
	_("Liquefied hydrocarbons, ammonia or chlorine loaded without loading arms"),
	_("Highly toxic gas pipelines cross public areas"),
	_("Overhead public power lines cross the production area"),
	_("Unit never formally designed and never diagnosed"),
	_("Obsolete processes or equipment in use"),
	_("Missing gas detection or alarms, or non-explosion-proof electrics in hazardous areas"),
	_("Control room lacks fire and blast protection"),
	_("No dual power supply, or control system without UPS"),
	_("Safety valves or bursting discs not in service"),
	_("No post-matched responsibility system or no hidden-danger investigation system"),
	_("No operating procedures or process limits"),
	_("No rules for special operations (hot work, confined space…) or rules not followed"),
	_("New process without trials, verification or reaction-safety assessment"),
	_("Hazardous chemicals stored against zoning, quantity or compatibility rules"),
]

# the Settings' default texts (defaults of Dual System Settings' JSON), marked here so
# they are extracted: the card prints them in the reader's language while unchanged
SETTINGS_TEXT_DEFAULTS = (
	_("Fire 119 · Ambulance 120 · Police 110"),
	_("Report to your team leader or scan the QR code and report from your phone."),
)


# --- safety training (DOMAIN.md §7) -----------------------------------------------------------
# name, category, induction level, description
TRAINING_TYPES = [
	(
		_("Dual Prevention Mechanism"),
		"Dual System",
		None,
		_(
			"Risk categories and methods (JHA, SCL, LEC, LS), the post's risks and controls, hidden-danger investigation and governance, reporting and rewards, 包保 task lists."
		),
	),
	(
		_("Plant-Level Induction"),
		"Three-Level Induction",
		"Plant Level",
		_("First level of a new employee's induction."),
	),
	(
		_("Workshop-Level Induction"),
		"Three-Level Induction",
		"Workshop Level",
		_("Second level of a new employee's induction; also after a post change or a year away."),
	),
	(
		_("Team-Level Induction"),
		"Three-Level Induction",
		"Team Level",
		_("Third level of a new employee's induction; also after a post change or a year away."),
	),
	(
		_("Special Operations"),
		"Special Operations",
		None,
		_("Special operations and special equipment: certificate required."),
	),
	(
		_("Post Change Retraining"),
		"Post Change",
		None,
		_("Changing posts, or back after a year or more away."),
	),
	(
		_("New Process or Equipment"),
		"New Process or Equipment",
		None,
		_("New processes, technology, materials or equipment."),
	),
	(_("Annual Refresher"), "Annual Refresher", None, _("Yearly retraining of all staff.")),
	(
		_("Principal and Safety Manager Training"),
		"Principal and Safety Manager",
		None,
		_(
			"First at least 32 h, then at least 12 h a year (high-risk sectors 48 h and 16 h); government assessment."
		),
	),
]

# assignments the training gate can check (services/training_gate.py names them)
GATE_PURPOSES = [
	(
		_("Major Hazard Installation Duty"),
		_("Main, technical or operating responsible person (包保) of a major hazard installation."),
	),
	(_("Hidden Danger Rectification"), _("Owner of a hidden danger's rectification.")),
	(_("Inspection Task"), _("Assignee of an investigation (inspection) task.")),
]

# investigation types and their default cycles per organisational level (DOMAIN.md §6.1,
# 应急〔2019〕78号); the national hidden-danger source code of what each type finds
INVESTIGATION_TYPES = [
	(
		_("Routine"),
		1,
		_("Operator patrols, technicians' site checks, workshop and plant checks."),
		[
			("Post Level", 2, "Hour", _("operator patrol, every 2 h or less (1 h at key units)")),
			("Team Level", 12, "Hour", _("technicians, electrical and instrument staff: twice a day")),
			("Workshop Level", 1, "Week", _("workshop: at least weekly")),
			("Company Level", 1, "Month", _("plant or department: at least monthly")),
		],
	),
	(
		_("Comprehensive"),
		2,
		_("Company-wide checks of every element of safety management."),
		[
			("Company Level", 6, "Month", _("company: at least every 6 months")),
			("Workshop Level", 3, "Month", _("subordinate units: at least quarterly")),
		],
	),
	(
		_("Specialist"),
		3,
		_("Checks of one discipline: process, equipment, electrical, instruments, fire."),
		[
			("Company Level", 6, "Month", _("company: at least every 6 months")),
			("Workshop Level", 3, "Month", _("subordinate units: at least quarterly")),
		],
	),
	(
		_("Seasonal"),
		4,
		_("Rain, heat, winter and lightning checks."),
		[("Company Level", 3, "Month", _("quarterly"))],
	),
	(_("Key Periods and Holidays"), 5, _("Before each major event or holiday."), []),
	(_("Accident Analogy"), 6, _("After a similar accident elsewhere."), []),
	(_("Pre-restart"), 7, _("After shutdowns or long stoppages."), []),
	(_("External Expert Diagnosis"), 8, _("As needed."), []),
]
