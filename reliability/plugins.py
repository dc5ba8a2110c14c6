"""Building a plugin manager: the built-in checks, then third-party plugins from entry points.

A plugin that fails to import, or whose hook raises, is recorded as a `PluginProblem` and skipped;
start-up goes on. Set `RELIABILITY_DISABLED_PLUGINS=a,b` (or `disabled_plugins` in the settings)
to skip entry points by name.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

import pluggy

from reliability import hookspecs
from reliability.check import Check
from reliability.config import Settings

log = logging.getLogger(__name__)

BUILTIN_PLUGINS = (
    "reliability.scoring",
    "reliability.checks.attribution",
    "reliability.checks.contradiction",
    "reliability.checks.duplication",
    "reliability.checks.integrity",
    "reliability.checks.off_topic",
    "reliability.checks.readability",
    "reliability.checks.story",
    "reliability.checks.style",
)
DISABLED_ENV = "RELIABILITY_DISABLED_PLUGINS"


@dataclass(frozen=True)
class PluginProblem:
    """A plugin that could not be loaded or whose hook failed."""

    plugin: str
    distribution: str | None
    error: str

    def __str__(self) -> str:
        where = f" (from {self.distribution})" if self.distribution else ""
        return f"plugin {self.plugin!r}{where} skipped: {self.error}"


def build_manager(
    settings: Settings, extra_plugins: Iterable[object] = ()
) -> tuple[pluggy.PluginManager, list[PluginProblem]]:
    """A fresh manager with the built-ins, entry-point plugins (unless disabled) and `extra_plugins`."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    problems: list[PluginProblem] = []
    for name in BUILTIN_PLUGINS:
        try:
            pm.register(importlib.import_module(name), name=name)
        except Exception as exc:  # noqa: BLE001 - even a broken built-in must not stop the others
            problems.append(PluginProblem(name, "reliability", _describe(exc)))
            log.warning("%s", problems[-1])
    if settings.load_entrypoints:
        problems += _load_entrypoints(pm, _disabled(settings))
    for plugin in extra_plugins:
        pm.register(plugin)
    pm.check_pending()
    return pm, problems


def collect_checks(pm: pluggy.PluginManager, settings: Settings) -> tuple[list[tuple[str, Check]], list[PluginProblem]]:
    """Every (plugin name, check) registered, each hook implementation called inside its own guard."""
    checks: list[tuple[str, Check]] = []
    problems: list[PluginProblem] = []
    seen: set[str] = set()
    for impl in pm.hook.reliability_checks.get_hookimpls():
        try:
            answer = impl.function(settings=settings) or ()
            if not isinstance(answer, Iterable):
                raise TypeError(f"'{type(answer).__name__}' object is not iterable")
            provided = list(answer)
            for check in provided:
                if not isinstance(check, Check):
                    raise TypeError(f"{check!r} is not a check (needs name, version, weight, run)")
        except Exception as exc:  # noqa: BLE001 - a broken plugin is reported, never fatal
            problems.append(PluginProblem(impl.plugin_name, _distribution(impl.plugin), _describe(exc)))
            log.warning("%s", problems[-1])
            continue
        for check in provided:
            if check.name in seen:
                problems.append(
                    PluginProblem(impl.plugin_name, _distribution(impl.plugin), f"duplicate check name {check.name!r}")
                )
                continue
            seen.add(check.name)
            checks.append((impl.plugin_name, check))
    return sorted(checks, key=lambda pc: pc[1].name), problems


def _load_entrypoints(pm: pluggy.PluginManager, disabled: set[str]) -> list[PluginProblem]:
    problems = []
    for ep in entry_points(group=hookspecs.PROJECT):
        dist = ep.dist.name if ep.dist else None
        if ep.name in disabled or pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as exc:  # noqa: BLE001 - includes ImportError and bad hook signatures
            problems.append(PluginProblem(ep.name, dist, _describe(exc)))
            log.warning("%s", problems[-1])
    return problems


def _disabled(settings: Settings) -> set[str]:
    from_env = {n.strip() for n in os.environ.get(DISABLED_ENV, "").split(",") if n.strip()}
    return from_env | set(settings.disabled_plugins)


def _distribution(plugin: object) -> str | None:
    module = getattr(plugin, "__module__", None) or getattr(plugin, "__name__", None)
    return module.split(".")[0] if isinstance(module, str) else None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
