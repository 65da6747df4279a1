"""Boot info for the desk: the shared vocabularies (``frappe.boot.dual_system``)."""

from dual_system.core.vocabulary import for_desk


def boot_session(bootinfo):
	bootinfo.dual_system = for_desk()
