"""Every rule xianjin checks, in one explicit table; one module per family.

    loading  XJ1xx  reading the file (applied by the loader)
    workbook XJ12x  reading an Excel workbook (applied by xianjin.workbook)
    fields   XJ2xx  the fields of the forms (errors raised by the models, warnings checked here)
    quotas   XJ3xx  how many nominees a unit may send
    across   XJ4xx  across the files of a run
    decisions XJ5xx the provincial office's decisions file, against the submissions

A rule that is not in RULES is never run and never explained: tests/test_rules_table.py
checks that every Rule of the families is here, once.
"""

from __future__ import annotations

from xianjin.rules import across, decisions, fields, loading, quotas, workbook
from xianjin.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    loading.XJ100, loading.XJ101, loading.XJ102, loading.XJ103, loading.XJ104, loading.XJ105,
    loading.XJ106, loading.XJ107, loading.XJ108, loading.XJ109, loading.XJ110, loading.XJ111,
    loading.XJ112, loading.XJ113, loading.XJ114, loading.XJ115,
    workbook.XJ120, workbook.XJ121, workbook.XJ122, workbook.XJ123, workbook.XJ124, workbook.XJ125,
    workbook.XJ126, workbook.XJ127,
    fields.XJ201, fields.XJ202, fields.XJ203, fields.XJ204, fields.XJ205, fields.XJ206, fields.XJ207,
    fields.XJ208, fields.XJ209, fields.XJ210, fields.XJ211, fields.XJ212, fields.XJ213, fields.XJ214,
    fields.XJ215, fields.XJ216, fields.XJ217, fields.XJ218, fields.XJ219, fields.XJ220, fields.XJ221,
    fields.XJ222, fields.XJ223,
    quotas.XJ301, quotas.XJ302, quotas.XJ303, quotas.XJ304, quotas.XJ305,
    across.XJ401, across.XJ402, across.XJ403, across.XJ404, across.XJ405,
    decisions.XJ501, decisions.XJ502, decisions.XJ503, decisions.XJ504, decisions.XJ505, decisions.XJ506,
    decisions.XJ507, decisions.XJ508, decisions.XJ509, decisions.XJ510, decisions.XJ511, decisions.XJ512,
    decisions.XJ513, decisions.XJ514,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
FILE_CHECKS = tuple(rule for rule in RULES if rule.scope == "file" and rule.check is not None)
ACROSS_CHECKS = tuple(rule for rule in RULES if rule.scope == "across" and rule.check is not None)
DECISION_CHECKS = tuple(rule for rule in RULES if rule.scope == "decisions" and rule.check is not None)
