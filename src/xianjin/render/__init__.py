"""`xianjin render`: the notice's forms, ranking tables, materials and reports as PDF.

Importing this package imports nothing: `xianjin validate` loads the render command's
module at start-up and must stay fast, and must work on a machine without Pango.
WeasyPrint is loaded only in `pdf.py`, by the worker processes and by the environment
check that runs before them.

Public API: `run.render_report(report, out, *, fmt="pdf", jobs=None, force=False,
progress=False) -> RenderResult` renders every valid unit of `report` (the command narrows
`report.units` for `--unit`); errors are `errors.RenderError`
(Chinese message).
"""
