frappe.treeview_settings["Risk Point"] = {
	breadcrumb: "Risk Control",
	title: __("Risk Points"),
	get_tree_root: false,
	root_label: __("All Risk Points"),
	get_tree_nodes: "frappe.desk.treeview.get_children",
	filters: [
		{
			fieldname: "company",
			fieldtype: "Link",
			options: "Company",
			label: __("Company"),
			default: frappe.defaults.get_user_default("Company"),
		},
	],
	fields: [
		{ fieldtype: "Data", fieldname: "risk_point_code", label: __("Risk Point Code"), reqd: 1 },
		{ fieldtype: "Data", fieldname: "risk_point_name", label: __("Risk Point Name"), reqd: 1 },
		{
			fieldtype: "Select",
			fieldname: "risk_point_type",
			label: __("Risk Point Type"),
			options: dual_system.options(dual_system.vocab().risk_point_types, false),
			reqd: 1,
		},
		{ fieldtype: "Check", fieldname: "is_group", label: __("Is Analysis Object (Group)") },
	],
	onrender(node) {
		if (node.data && node.data.value && !node.is_root) {
			frappe.db.get_value("Risk Point", node.data.value, "current_risk_level").then(({ message }) => {
				const level = message && message.current_risk_level;
				if (level) $(node.parent).find(".tree-label:first").append(" " + dual_system.level_pill(level));
			});
		}
	},
};
