// Workflow form (hooks.doctype_js): an administrator's first edit must reach the database.
//
// Frappe 15 sends a document type's meta with the type's active Workflow in `__workflow_docs`.
// The Workflow form loads that meta (to list the fields a state may update) after it has
// loaded the Workflow itself, and `frappe.model.add_to_locals` treats the meta's
// `__workflow_docs` array like a child table: it puts a second copy of the Workflow, with
// new row objects, into `locals`. The form keeps showing and saving its own copy, while the
// row editor and row deletion act on the rows found in `locals`: on the first save those
// changes were dropped and the form said "Saved". Reloading the form was the workaround.
//
// Two guards, installed once per page:
// - a DocType's `__workflow_docs` and `__print_formats` are left to `frappe.meta.sync`,
//   which syncs them with `frappe.model.sync` (updating an existing record in place);
// - a Workflow open in a Workflow form is never overwritten by a meta's copy, which may
//   come from the browser's meta cache and be older than what the administrator edits.
(function () {
	if (frappe.model.__ds_workflow_guard) return;
	frappe.model.__ds_workflow_guard = true;

	const META_RECORDS = ["__workflow_docs", "__print_formats"];
	const add_to_locals = frappe.model.add_to_locals;
	frappe.model.add_to_locals = function (doc) {
		if (!doc || doc.doctype !== "DocType") return add_to_locals.apply(this, arguments);
		const held = {};
		for (const key of META_RECORDS) {
			if (Array.isArray(doc[key])) {
				held[key] = doc[key];
				delete doc[key];
			}
		}
		try {
			return add_to_locals.apply(this, arguments);
		} finally {
			Object.assign(doc, held);
		}
	};

	const open_in_form = (record) => {
		const view = frappe.views.formview && frappe.views.formview.Workflow;
		const doc = view && view.frm && view.frm.doc;
		return record.doctype === "Workflow" && doc && doc.name === record.name;
	};
	const meta_sync = frappe.meta.sync;
	frappe.meta.sync = function (doc) {
		// the meta itself (also kept in the browser's cache) keeps every record
		const records = doc.__workflow_docs;
		if (Array.isArray(records)) doc.__workflow_docs = records.filter((record) => !open_in_form(record));
		try {
			return meta_sync.apply(this, arguments);
		} finally {
			doc.__workflow_docs = records;
		}
	};
})();
