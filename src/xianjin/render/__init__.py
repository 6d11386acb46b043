"""`xianjin render`: the notice's forms, ranking tables, materials and reports as PDF.

Nothing here imports WeasyPrint at module level: `xianjin validate` must stay fast and
must work on a machine without Pango. WeasyPrint is loaded only in `pdf.py`, by the
worker processes and by the environment check that runs before them.

Public API (see run.py):  render_report(report, out, *, unit=None, fmt="pdf", jobs=None,
force=False, progress=False) -> RenderResult;  errors are RenderError (Chinese message).
"""

from xianjin.render.errors import RenderError
from xianjin.render.run import RenderResult, render_report

__all__ = ["RenderError", "RenderResult", "render_report"]
