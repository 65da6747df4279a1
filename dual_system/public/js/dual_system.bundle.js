// Shared desk helpers of dual_system, loaded on every desk page (hooks.app_include_js).
frappe.provide("dual_system");

// Colours of the four risk levels (DOMAIN.md §1.1); keep in sync with core/levels.py LEVEL_HEX.
dual_system.LEVEL_HEX = {
	Major: "#e02020",
	Significant: "#f7941d",
	General: "#f5d000",
	Low: "#1e6fd9",
};
dual_system.LEVEL_INDICATOR = { Major: "red", Significant: "orange", General: "yellow", Low: "blue" };
dual_system.CONTROL_LEVELS = ["Company Level", "Workshop Level", "Team Level", "Post Level"];

// A level as a coloured pill, for report cells and HTML fields.
dual_system.level_pill = function (level, label) {
	if (!level) return "";
	const colour = dual_system.LEVEL_HEX[level] || "#999";
	const text = frappe.utils.escape_html(label || __(level));
	const ink = level === "General" ? "#333" : "#fff";
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
			options: [
				"",
				{ value: "Major", label: __("Major") },
				{ value: "Significant", label: __("Significant") },
				{ value: "General", label: __("General") },
				{ value: "Low", label: __("Low") },
			],
		},
		{
			fieldname: "control_level",
			label: __("Control Level"),
			fieldtype: "Select",
			options: [""].concat(dual_system.CONTROL_LEVELS.map((v) => ({ value: v, label: __(v) }))),
		},
		{
			fieldname: "risk_point_type",
			label: __("Risk Point Type"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Facility / Equipment", label: __("Facility / Equipment") },
				{ value: "Area / Site", label: __("Area / Site") },
				{ value: "Work Activity", label: __("Work Activity") },
			],
		},
	];
};
