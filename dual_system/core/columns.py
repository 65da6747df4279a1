"""Column definitions of the app's script reports, in one short form."""

from __future__ import annotations


def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **extra) -> dict:
	"""A script report column; a Link's doctype goes in ``options``, ``hidden=1`` etc. in ``extra``."""
	return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **extra}
