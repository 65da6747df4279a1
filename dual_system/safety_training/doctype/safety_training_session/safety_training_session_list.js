frappe.listview_settings["Safety Training Session"] = {
	get_indicator(doc) {
		const colours = { Planned: "blue", Completed: "green", Cancelled: "gray" };
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
