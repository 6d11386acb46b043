"""The one exception the render package raises: its message is Chinese and meant for the user."""


class RenderError(Exception):
    """Rendering cannot go on (fonts, environment, output folder). `str(exc)` is shown as is."""
