"""Sites installed before 0.3 get the safety training module's seed data: the
training types, the training gate's purposes and the default workflow of
Safety Training Session (each only when absent)."""

from dual_system.setup.install import seed_gate_purposes, seed_training_types
from dual_system.setup.workflows import create_default_workflows


def execute():
	seed_training_types()
	seed_gate_purposes()
	create_default_workflows(doctypes=("Safety Training Session",))
