"""Every hook a gongwen plugin can implement, documented for plugin authors.

A plugin is a module (or object) with functions marked ``@gongwen.plugin.hookimpl``
whose names match the specifications below. Plugins are found through the
entry-point group ``gongwen`` — the built-in readers and exporters register
there too, exactly as a third-party package does::

    [project.entry-points.gongwen]
    csv = "gongwen_csv"

A plugin can be switched off with ``gongwen --disable-plugin NAME`` or the
environment variable ``GONGWEN_DISABLE_PLUGINS=NAME[,NAME...]``, where NAME
is the entry-point name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from gongwen.plugin import Exporter, Reader

hookspec = pluggy.HookspecMarker("gongwen")


@hookspec
def gongwen_exporters() -> list[Exporter]:
    """Contribute output formats.

    Return a list of :class:`gongwen.plugin.Exporter`, each with a unique
    ``name`` (what ``-t NAME`` selects), a file ``extension`` (without the dot),
    a one-line ``description``, whether its output is ``text`` (so ``-o -`` can
    print it), and ``write(doc, stream, options)`` which writes a
    :class:`gongwen.model.Document` to a binary stream. ``options`` is a dict
    of format options (may be empty); unknown keys must be ignored.

    ``write`` should import heavy libraries lazily, inside the function, so that
    ``gongwen --help`` and ``gongwen formats`` stay fast.
    """


@hookspec
def gongwen_readers() -> list[Reader]:
    """Contribute input formats.

    Return a list of :class:`gongwen.plugin.Reader`, each with a ``name``, the
    file ``extensions`` it accepts (lower case, without the dot), a one-line
    ``description`` and ``read(path, options) -> SourceText``. ``read`` raises
    :class:`gongwen.errors.InputError` with a one-line message for input it
    cannot read; ``options`` may carry ``encoding`` (a forced text encoding).
    """
