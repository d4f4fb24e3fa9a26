"""Exporters write a Document in one format each; they register through the ``gongwen`` entry points."""
