"""`xianjin render`: the notice's forms, ranking tables, materials and reports as PDF.

Importing this package imports nothing: `xianjin validate` must stay fast, and must work
on a machine without Pango. WeasyPrint is loaded only in `pdf.py` and `fetcher.py`, by
the worker processes, and in `doctor.py` to ask for Pango's version.

The modules form a DAG, each importing only those before it:
errors, assets ← fonts ← commonfonts ← libraries, fetcher ← pdf ← pool;
templating, context, glyphs, cache ← run; doctor beside run.

Public API: `run.render_report(report, out, *, fmt="pdf", jobs=None, force=False,
progress=None, notify=None) -> RenderResult` renders every valid unit of `report` (the
command narrows `report.units` for `--unit`); errors are `errors.RenderError` (Chinese
message); `progress(done, total)` is told about the documents written.
"""
