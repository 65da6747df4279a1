"""Complete ERPNext's setup wizard programmatically for demo and test sites."""

import frappe
from frappe.utils import getdate

DEMO_COMPANY = {
	"en": {"company_name": "Qilu Chemical Group", "company_abbr": "QCG", "language": "English"},
	"zh": {"company_name": "齐鲁化工集团", "company_abbr": "QLHG", "language": "简体中文"},
}


def complete_setup_wizard(language: str = "en") -> None:
	"""Run the setup wizard's stages as Administrator: company, China, CNY, Asia/Shanghai."""
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	company = DEMO_COMPANY[language]
	year = getdate().year
	frappe.set_user("Administrator")
	frappe.local.lang = "en"
	setup_complete(
		{
			"language": company["language"],
			"lang": company["language"],
			"country": "China",
			"timezone": "Asia/Shanghai",
			"currency": "CNY",
			"company_name": company["company_name"],
			"company_abbr": company["company_abbr"],
			"chart_of_accounts": "Standard",
			"fy_start_date": f"{year}-01-01",
			"fy_end_date": f"{year}-12-31",
			"full_name": "",
			"email": "",
			"password": "",
		}
	)
	frappe.db.commit()
