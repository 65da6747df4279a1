frappe.listview_settings["Risk Point"] = {
	add_fields: ["current_risk_level", "status", "needs_reassessment"],
	get_indicator(doc) {
		if (doc.status === "Retired") return [__("Retired"), "darkgrey", "status,=,Retired"];
		if (!doc.current_risk_level) return [__("Not Assessed"), "gray", "current_risk_level,is,not set"];
		return [
			__(doc.current_risk_level),
			dual_system.level_indicator(doc.current_risk_level),
			`current_risk_level,=,${doc.current_risk_level}`,
		];
	},
};
