"""The pluggy host: load plugins from the ``gongwen`` entry-point group and collect formats.

A plugin that fails to import, or whose hook raises, is recorded in
:attr:`Registry.failures` by name and the other plugins carry on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points

import pluggy

from gongwen import hookspecs
from gongwen.errors import UsageError
from gongwen.plugin import Exporter, Reader

ENTRY_POINT_GROUP = "gongwen"
DISABLE_ENV = "GONGWEN_DISABLE_PLUGINS"


@dataclass
class Registry:
    """Exporters and readers by name, where each came from, and the plugins that failed."""

    exporters: dict[str, Exporter] = field(default_factory=dict)
    readers: dict[str, Reader] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``; a UsageError listing the known ones otherwise."""
        try:
            return self.exporters[name]
        except KeyError:
            known = ", ".join(sorted(self.exporters)) or "none"
            raise UsageError(f"unknown format {name!r} (known: {known})") from None

    def reader_for(self, extension: str) -> Reader | None:
        """The reader that accepts files ending in ``extension`` (without the dot), if any."""
        ext = extension.lower().lstrip(".")
        for reader in self.readers.values():
            if ext in reader.extensions:
                return reader
        return None

    def extensions(self) -> set[str]:
        """Every file extension some reader accepts."""
        return {e for r in self.readers.values() for e in r.extensions}


def disabled_from_env() -> list[str]:
    """Plugin names listed in the GONGWEN_DISABLE_PLUGINS environment variable."""
    raw = os.environ.get(DISABLE_ENV, "")
    return [n.strip() for n in raw.replace(";", ",").split(",") if n.strip()]


def _origin(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return ep.value
    return f"{dist.metadata['Name']} {dist.version}"


def load_registry(disable: list[str] | tuple[str, ...] = ()) -> Registry:
    """Load every plugin of the entry-point group (less the disabled ones) and collect formats."""
    registry = Registry(disabled=sorted(set(disable) | set(disabled_from_env())))
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    origins: dict[str, str] = {}
    seen: set[str] = set()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in registry.disabled or ep.name in seen:
            continue
        seen.add(ep.name)
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not break the rest
            registry.failures.append((ep.name, f"failed to load: {exc}"))
            continue
        origins[ep.name] = _origin(ep)
    for hook_name, target in (("gongwen_exporters", registry.exporters),
                              ("gongwen_readers", registry.readers)):
        for impl in getattr(pm.hook, hook_name).get_hookimpls():
            try:
                contributed = impl.function() or []
            except Exception as exc:  # noqa: BLE001
                registry.failures.append((impl.plugin_name, f"{hook_name} raised: {exc}"))
                continue
            for item in contributed:
                item.origin = item.origin or origins.get(impl.plugin_name, impl.plugin_name)
                target.setdefault(item.name, item)
    return registry


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The registry with every installed plugin, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_registry()
    return _DEFAULT
