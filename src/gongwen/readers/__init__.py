"""Readers turn an input file into :class:`gongwen.plugin.SourceText` (one module per format)."""
