"""A logged-in desk tab for the browser tests, and the page states they wait for."""

from __future__ import annotations

import os

# Frappe's msgprint dialogs and red alerts, recorded as they appear (they may close again;
# Frappe reuses one dialog for every message, so a change of its text is a new message)
WATCH_DIALOGS = """
window.__ds_dialogs = [];
setInterval(() => {
	for (const el of document.querySelectorAll(".msgprint, .desk-alert.red")) {
		const shown = el.closest(".desk-alert") ? el.offsetParent !== null : !!el.closest(".modal.show");
		const text = shown ? (el.innerText || "").trim() : "";
		if (text && text !== el.__ds_text) window.__ds_dialogs.push(text);
		el.__ds_text = text;
	}
}, 100);
"""


def artifacts_dir() -> str:
	default = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")
	path = os.path.abspath(os.environ.get("DS_ARTIFACTS") or default)
	os.makedirs(path, exist_ok=True)
	return path


class Desk:
	"""One user's logged-in browser tab, with what went wrong recorded: uncaught
	JavaScript errors (``pageerror``) and the error dialogs and red alerts it showed."""

	def __init__(self, browser, base_url: str, user: str, password: str, label: str):
		self.base_url = base_url
		self.label = label
		self.context = browser.new_context(viewport={"width": 1400, "height": 900})
		self.page = self.context.new_page()
		self.page.set_default_timeout(30_000)
		self.page.add_init_script(WATCH_DIALOGS)
		self.page_errors: list[str] = []
		self.step = "login"  # the page being visited, named in the errors recorded
		self.page.on("pageerror", self.record_error)
		response = self.page.request.post(f"{base_url}/api/method/login", form={"usr": user, "pwd": password})
		assert response.status == 200, f"login as {user} failed: {response.status}"

	def record_error(self, error):
		stack = " | ".join(line.strip() for line in (error.stack or "").splitlines()[1:4])
		self.page_errors.append(f"{self.step}: {error}" + (f" ({stack})" if stack else ""))

	def goto(self, path: str):
		self.page.goto(self.base_url + path)

	def route(self, *route: str):
		"""Move inside the desk (no page load), as a click on a link does."""
		self.page.evaluate("(route) => frappe.set_route(...route)", list(route))

	def dialogs(self) -> list[str]:
		"""Error dialogs and red alerts seen since the page loaded, and forget them."""
		return self.page.evaluate("() => (window.__ds_dialogs || []).splice(0)")

	def close_dialogs(self):
		if self.page.locator(".modal.show").count():
			self.page.keyboard.press("Escape")
			self.page.wait_for_timeout(300)

	def wait_until(self, script: str, timeout: float = 20) -> bool:
		"""Poll a JavaScript expression until it is true; False when the time runs out."""
		try:
			self.page.wait_for_function(script, timeout=timeout * 1000, polling=200)
			return True
		except Exception:
			return False

	def screenshot(self, page_name: str) -> str:
		path = os.path.join(artifacts_dir(), f"{self.label}-{page_name}.png")
		self.page.screenshot(path=path, full_page=True)
		return path

	def close(self):
		self.context.close()


# the Dual Prevention workspace: its number cards and charts
WORKSPACE_CARDS = 5
WORKSPACE_CHARTS = 2

CARDS_LOADED = f"""() => {{
	const cards = [...document.querySelectorAll(".number-widget-box")];
	const charts = [...document.querySelectorAll(".dashboard-widget-box")];
	return cards.length >= {WORKSPACE_CARDS} && charts.length >= {WORKSPACE_CHARTS}
		&& cards.every((c) => c.querySelector(".widget-content .number"))
		&& charts.every((c) => c.querySelector("svg.frappe-chart")
			|| [...c.querySelectorAll(".chart-loading-state")].some(
				(s) => s.offsetParent && s.innerText.trim() !== "Loading..."));
}}"""

WORKSPACE_STATE = """() => ({
	cards: [...document.querySelectorAll(".number-widget-box")].map((c) => ({
		title: c.querySelector(".widget-title")?.innerText.trim(),
		number: c.querySelector(".widget-content .number")?.innerText.trim() ?? null,
	})),
	charts: [...document.querySelectorAll(".dashboard-widget-box")].map((c) => ({
		title: c.querySelector(".widget-title")?.innerText.trim(),
		drawn: !!c.querySelector("svg.frappe-chart"),
		loading: [...c.querySelectorAll(".chart-loading-state")].some(
			(s) => s.offsetParent && s.innerText.trim() === "Loading..."),
	})),
})"""

REPORT_SETTLED = """() => document.querySelector(".dt-scrollable .dt-row")
	|| document.querySelector(".modal.show .msgprint")
	|| [...document.querySelectorAll(".report-wrapper .no-result, .dt-scrollable--empty")].some((e) => e.offsetParent)"""
