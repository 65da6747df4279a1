"""Risk scoring: score = product of the factor values, graded into a level by bands.

Plain functions over plain data: no database, no Frappe documents. Controllers
build a :class:`Method` from a Risk Evaluation Method record and call
:func:`evaluate`; nothing else computes a score or a level.

Scores are products of decimal factors (0.2 × 6 × 100), which binary floating
point gets wrong (120.00000000000001). Products are computed in Decimal from
the factors' shortest decimal representation and rounded to
``SCORE_PRECISION`` places; band bounds are rounded the same way before they
are compared, so a boundary written as 70 matches a product that reads 70.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dual_system.core.levels import LEVELS, level_rank

SCORE_PRECISION = 3
_QUANTUM = Decimal(1).scaleb(-SCORE_PRECISION)


def _(message: str) -> str:
	"""Marks a message for extraction; the caller translates it with frappe._."""
	return message


class ScoringError(ValueError):
	"""A rule of the scoring core was broken. ``template`` and ``args`` let the
	caller translate the message; ``str()`` gives the English text."""

	template = _("Invalid risk evaluation")

	def __init__(self, *args):
		# an argument may be a list (e.g. allowed values): the caller translates and joins it
		self.args_ = tuple(args)
		super().__init__(self.template.format(*(join_list(a) for a in args)))


def join_list(arg) -> str:
	return ", ".join(str(a) for a in arg) if isinstance(arg, list | tuple) else str(arg)


class InvalidFactorValue(ScoringError):
	template = _("{0} = {1} is not allowed by method {2}; allowed values: {3}")


class MissingFactorValue(ScoringError):
	template = _("{0} is missing; method {1} needs a value for each of: {2}")


class UnknownFactor(ScoringError):
	template = _("Method {0} has no factor {1}; its factors are: {2}")


class NoBandForScore(ScoringError):
	template = _("No band of method {0} covers the score {1}")


class MethodDefinitionError(ScoringError):
	template = _("{0}")


def to_decimal(value) -> Decimal:
	"""Exact decimal of what a user typed: 0.2 stays 0.2, not 0.2000000000000000111."""
	if isinstance(value, Decimal):
		return value
	if isinstance(value, float):
		return Decimal(repr(value))
	return Decimal(str(value))


def parse_number(raw) -> Decimal | None:
	"""A finite number typed or sent by a user, exactly as written; None for anything
	else (words, ``Infinity``, ``NaN``, booleans, lists)."""
	if isinstance(raw, bool):
		return None
	if isinstance(raw, int | float | Decimal):
		value = to_decimal(raw)
	elif isinstance(raw, str):
		try:
			value = Decimal(raw.strip())
		except ArithmeticError:
			return None
	else:
		return None
	return value if value.is_finite() else None


def round_score(value) -> Decimal:
	return to_decimal(value).quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def format_score(value) -> str:
	"""120 → "120", 7.5 → "7.5", 0.25 → "0.25": the score as a person writes it."""
	d = round_score(value).normalize()
	text = format(d, "f")
	return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class FactorValue:
	value: Decimal
	meaning: str = ""


@dataclass(frozen=True)
class Factor:
	code: str
	name: str = ""
	values: tuple[FactorValue, ...] = ()

	@property
	def allowed(self) -> tuple[Decimal, ...]:
		return tuple(round_score(v.value) for v in self.values)

	def allowed_text(self) -> list[str]:
		return [format_score(v) for v in sorted(self.allowed, reverse=True)]


@dataclass(frozen=True)
class Band:
	level: str
	lower: Decimal = Decimal(0)
	lower_inclusive: bool = True
	upper: Decimal | None = None
	upper_inclusive: bool = False
	label: str = ""

	def contains(self, score: Decimal) -> bool:
		lower = round_score(self.lower)
		if score < lower or (score == lower and not self.lower_inclusive):
			return False
		if self.upper is None:
			return True
		upper = round_score(self.upper)
		return score < upper or (score == upper and self.upper_inclusive)

	def describe(self) -> str:
		left = "[" if self.lower_inclusive else "("
		right = "]" if self.upper_inclusive else ")"
		upper = "∞" if self.upper is None else format_score(self.upper)
		return f"{left}{format_score(self.lower)}, {upper}{right}"


@dataclass(frozen=True)
class Method:
	code: str
	factors: tuple[Factor, ...]
	bands: tuple[Band, ...]
	name: str = ""

	def factor(self, code: str) -> Factor:
		for f in self.factors:
			if f.code == code:
				return f
		raise UnknownFactor(self.code, code, list(self.factor_codes))

	@property
	def factor_codes(self) -> tuple[str, ...]:
		return tuple(f.code for f in self.factors)


@dataclass(frozen=True)
class Evaluation:
	score: Decimal
	computed_level: str
	level: str
	band_label: str = ""
	forced_reason: str | None = None

	@property
	def forced(self) -> bool:
		return self.forced_reason is not None and self.level != self.computed_level

	@property
	def score_text(self) -> str:
		return format_score(self.score)


def compute_score(method: Method, values: Mapping[str, object]) -> Decimal:
	"""Product of the factor values, each checked against the method's options."""
	unknown = [code for code in values if code not in method.factor_codes]
	if unknown:
		method.factor(unknown[0])
	product = Decimal(1)
	for factor in method.factors:
		raw = values.get(factor.code)
		if raw is None or raw == "":
			raise MissingFactorValue(factor.code, method.code, list(method.factor_codes))
		value = parse_number(raw)
		# exact comparison: 10.0004 is not the allowed 10, however the score is rounded
		if value is None or value not in factor.allowed:
			shown = format(value, "f") if value is not None else str(raw)[:40]
			raise InvalidFactorValue(factor.code, shown, method.code, factor.allowed_text())
		product *= value
	return round_score(product)


def band_for(method: Method, score) -> Band:
	score = round_score(score)
	for band in method.bands:
		if band.contains(score):
			return band
	raise NoBandForScore(method.code, format_score(score))


def evaluate(method: Method, values: Mapping[str, object], forced_reason: str | None = None) -> Evaluation:
	"""Score and level of one risk. A forced-major reason makes the level Major
	while the computed score and level stay on record for audit."""
	score = compute_score(method, values)
	band = band_for(method, score)
	level = "Major" if forced_reason else band.level
	return Evaluation(
		score=score,
		computed_level=band.level,
		level=level,
		band_label=band.label,
		forced_reason=forced_reason or None,
	)


def reachable_scores(method: Method) -> list[Decimal]:
	"""Every score the method's own factor values can produce, ascending."""
	combos = itertools.product(*(f.allowed for f in method.factors))
	scores = set()
	for combo in combos:
		product = Decimal(1)
		for v in combo:
			product *= v
		scores.add(round_score(product))
	return sorted(scores)


def definition_problems(method: Method) -> list[tuple[str, tuple]]:
	"""What is wrong with a method's configuration, as (template, args) pairs.

	Rules: 2 or 3 factors with distinct codes; each factor has values, all
	distinct and positive; at least one band; each band's lower bound lies below
	its upper bound; every reachable score falls in exactly one band.
	"""
	problems: list[tuple[str, tuple]] = []
	codes = [f.code for f in method.factors]
	if not 2 <= len(codes) <= 3:
		problems.append((_("A method has 2 or 3 factors; {0} has {1}"), (method.code, len(codes))))
	for code in sorted({c for c in codes if codes.count(c) > 1}):
		problems.append((_("Factor {0} is listed more than once"), (code,)))
	for factor in method.factors:
		allowed = factor.allowed
		if not allowed:
			problems.append((_("Factor {0} has no allowed values"), (factor.code,)))
		for value in sorted({v for v in allowed if allowed.count(v) > 1}):
			problems.append(
				(_("Factor {0} lists the value {1} more than once"), (factor.code, format_score(value)))
			)
		for value in allowed:
			if value <= 0:
				problems.append(
					(
						_("Factor {0} has the value {1}; values must be positive"),
						(factor.code, format_score(value)),
					)
				)
	if not method.bands:
		problems.append((_("Method {0} has no bands"), (method.code,)))
	for band in method.bands:
		if band.level not in LEVELS:
			problems.append((_("Band level {0} is not one of {1}"), (band.level, ", ".join(LEVELS))))
		if band.upper is not None and round_score(band.upper) < round_score(band.lower):
			problems.append(
				(_("Band {0} {1}: the lower bound is above the upper bound"), (band.level, band.describe()))
			)
	if problems:
		return problems
	for score in reachable_scores(method):
		matching = [b for b in method.bands if b.contains(score)]
		if not matching:
			problems.append((_("No band covers the reachable score {0}"), (format_score(score),)))
		elif len(matching) > 1:
			problems.append(
				(
					_("The reachable score {0} falls in more than one band: {1}"),
					(format_score(score), ", ".join(f"{b.level} {b.describe()}" for b in matching)),
				)
			)
	return problems


def highest_level(levels: Iterable[str | None]) -> str | None:
	"""The most severe of the given levels (Major before Significant …), or None."""
	present = [lvl for lvl in levels if lvl]
	return min(present, key=level_rank) if present else None
