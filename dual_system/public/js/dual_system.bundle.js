// Shared desk helpers of dual_system, loaded on every desk page (hooks.app_include_js).
// The vocabularies (levels, colours, control levels, types, statuses, measure classes) come
// from the server's boot info (dual_system/core/vocabulary.py): nothing is repeated here.
import "./chart_resize_guard.js";

frappe.provide("dual_system");

dual_system.vocab = () => frappe.boot.dual_system || {};

// Frappe indicator colour of a level or of a doctype's status.
dual_system.level_indicator = (level) => dual_system.vocab().level_indicator?.[level] || "gray";
dual_system.status_indicator = (doctype, status) =>
	dual_system.vocab().status_indicators?.[doctype]?.[status] || "gray";

// Select options with translated labels from a list of stored values.
dual_system.options = (values, blank = true) =>
	(blank ? [""] : []).concat((values || []).map((v) => ({ value: v, label: __(v) })));

// A level as a coloured pill, for report cells and HTML fields.
dual_system.level_pill = function (level, label) {
	if (!level) return "";
	const vocab = dual_system.vocab();
	const colour = vocab.level_hex?.[level] || vocab.ungraded_hex;
	const ink = vocab.level_text_hex?.[level] || "#fff";
	const text = frappe.utils.escape_html(label || __(level));
	return `<span style="background:${colour};color:${ink};padding:1px 8px;border-radius:9px;font-weight:600">${text}</span>`;
};

// Report formatter: colour the "risk_level" column from the hidden "level_key" column.
dual_system.level_formatter = function (value, row, column, data, default_formatter) {
	if (column.fieldname === "risk_level" && data && data.level_key) {
		return dual_system.level_pill(data.level_key, data.risk_level);
	}
	return default_formatter(value, row, column, data);
};

// Standard report filters shared by the registers.
dual_system.register_filters = function () {
	const vocab = dual_system.vocab();
	return [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{
			fieldname: "risk_level",
			label: __("Risk Level"),
			fieldtype: "Select",
			options: dual_system.options(vocab.levels),
		},
		{
			fieldname: "control_level",
			label: __("Control Level"),
			fieldtype: "Select",
			options: dual_system.options(vocab.control_levels),
		},
		{
			fieldname: "risk_point_type",
			label: __("Risk Point Type"),
			fieldtype: "Select",
			options: dual_system.options(vocab.risk_point_types),
		},
	];
};

// "Create Inspection Plan" on a Risk Point or Control Measure: one click, the server
// builds the plan with its checklist from the active measures and opens it.
dual_system.create_inspection_plan = function (frm) {
	frappe.call({
		method: "dual_system.api.inspection.create_inspection_plan",
		args: { doctype: frm.doctype, name: frm.doc.name },
		freeze: true,
		callback: (r) => r.message && frappe.set_route("Form", "Inspection Plan", r.message),
	});
};

// Filters shared by the hidden-danger reports: company, department (with its subtree), date range.
dual_system.hazard_filters = function () {
	return [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.add_months(frappe.datetime.get_today(), -3),
		},
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.get_today() },
	];
};
