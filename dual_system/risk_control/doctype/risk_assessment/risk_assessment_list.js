frappe.listview_settings["Risk Assessment"] = {
	add_fields: ["status", "highest_level", "is_current"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		return [
			__(doc.status),
			dual_system.status_indicator("Risk Assessment", doc.status),
			`status,=,${doc.status}`,
		];
	},
	formatters: {
		highest_level(value) {
			return dual_system.level_pill(value);
		},
	},
};
