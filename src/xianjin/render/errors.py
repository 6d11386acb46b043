"""The one exception the render package raises: its message is Chinese and meant for the user."""


class RenderError(Exception):
    """Rendering cannot go on (fonts, environment, output folder). `str(exc)` is shown as is."""


class RenderProblems(RenderError):
    """Problems found in the files themselves while rendering (characters no font has): they are
    printed like `xianjin validate`'s, one `path:line:col: error XJnnn 字段：…` line each."""

    def __init__(self, problems: list) -> None:
        super().__init__(f"{len(problems)} 个问题")
        self.problems = problems
