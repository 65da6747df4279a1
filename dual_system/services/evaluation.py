"""Risk Evaluation Method records as pure-core :class:`Method` objects."""

from __future__ import annotations

import frappe
from frappe import _

from dual_system.core.scoring import (
	Band,
	Evaluation,
	Factor,
	FactorValue,
	Method,
	ScoringError,
	evaluate,
	to_decimal,
)
from dual_system.services.errors import InvalidRiskEvaluation, throw_core_error


def method_from_doc(doc) -> Method:
	factors = []
	for row in doc.get("factors") or []:
		values = tuple(
			FactorValue(to_decimal(v.value), v.meaning or "")
			for v in doc.get("factor_values") or []
			if v.factor_code == row.factor_code
		)
		factors.append(Factor(row.factor_code, row.factor_name or "", values))
	bands = tuple(
		Band(
			level=b.risk_level,
			lower=to_decimal(b.lower_bound or 0),
			lower_inclusive=bool(b.lower_inclusive),
			upper=None if b.no_upper_bound else to_decimal(b.upper_bound or 0),
			upper_inclusive=bool(b.upper_inclusive),
			label=b.band_label or "",
		)
		for b in doc.get("bands") or []
	)
	return Method(
		code=doc.name or doc.method_code, factors=tuple(factors), bands=bands, name=doc.method_name or ""
	)


def get_method(name: str) -> Method:
	return method_from_doc(frappe.get_cached_doc("Risk Evaluation Method", name))


def evaluate_values(
	method_name: str, values: dict, forced_reason: str | None = None, prefix: str | None = None
) -> Evaluation:
	"""Evaluate with a configured method; a bad factor value becomes a translated error."""
	method = get_method(method_name)
	try:
		return evaluate(method, values, forced_reason)
	except ScoringError as e:
		throw_core_error(e, exc=InvalidRiskEvaluation, prefix=prefix, title=_("Invalid Risk Evaluation"))
