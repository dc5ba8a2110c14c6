"""The per-article guard: nothing a check does ends the batch, stalls it, or slips a malformed result past.

A check that raises anything — `SystemExit` and `KeyboardInterrupt` included — fails alone. A check
that runs past its time limit is stopped and fails alone. A real Ctrl-C still ends the run: the guard
tells it from a check's own `raise KeyboardInterrupt` by watching SIGINT while it runs the checks.
Results are validated again from their JSON, whatever way they were built.

The time limit is measured on the check's own clock: the CPU time of the thread running it, so that a
busy machine does not time out a check that is merely waiting for a core. It is enforced by SIGALRM,
which needs the main thread of a POSIX process (a worker process's main thread counts); a check
blocked without using the CPU (a socket that never answers) is stopped after `WALL_FACTOR` times the
limit of wall time. Elsewhere (another thread, Windows) the limit is checked when the check returns:
a check over it still fails, but one that never returns is not stopped.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pydantic_core import PydanticSerializationError

from reliability.models import CheckResult

#: Wall time, in multiples of the limit, after which a check that uses no CPU (blocked) is stopped: far
#: enough that a check merely starved of a core on a busy machine is not (measured: 8 times at load 16).
WALL_FACTOR = 30
#: After the limit, the check is told again this often (seconds), should it swallow the first notice.
RENOTICE_SECONDS = 0.25


class CheckTimeout(BaseException):
    """Raised inside a check that ran past its time limit. A BaseException, like KeyboardInterrupt, so
    that the check's own `except Exception` does not swallow it."""


class Guard:
    """Runs the checks of an engine, one article at a time."""

    def __init__(self, time_limit: float | None) -> None:
        self.time_limit = time_limit
        self._interrupt: BaseException | None = None  # raised by a real Ctrl-C during this article
        self._alarm = False  # SIGALRM is ours for this article
        self._running: tuple[float, float] | None = None  # CPU and wall start of the check being run
        self._depth = 0  # articles being guarded: the outermost installs the handlers

    @contextmanager
    def article(self) -> Iterator[None]:
        """Watch SIGINT, and own SIGALRM when it is free, while one article's checks run (re-entrant: an
        inner use inside an outer one changes nothing)."""
        if self._depth or threading.current_thread() is not threading.main_thread():
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._interrupt = None
        self._depth += 1
        previous_int = signal.getsignal(signal.SIGINT)
        signal.signal(signal.SIGINT, self._on_sigint(previous_int))
        previous_alarm = None
        if (
            self.time_limit
            and hasattr(signal, "setitimer")
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        ):
            previous_alarm = signal.signal(signal.SIGALRM, self._on_alarm)
            self._alarm = True
        try:
            yield
        finally:
            self._depth -= 1
            if self._alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous_alarm)
                self._alarm = False
            signal.signal(signal.SIGINT, previous_int)

    def run(self, call: Callable[[], Any]) -> Any:
        """`call()` under the time limit; a real Ctrl-C is raised again even if the call swallowed it."""
        self._running = (time.thread_time(), time.perf_counter())
        try:
            if self._alarm and self.time_limit:
                signal.setitimer(signal.ITIMER_REAL, self.time_limit)
            try:
                result = call()
            finally:
                if self._alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            used = time.thread_time() - self._running[0]
        finally:
            self._running = None
        self.raise_interrupt()
        if self.time_limit and used > self.time_limit:  # no SIGALRM here: the limit is checked afterwards
            raise CheckTimeout(self._over_limit())
        return result

    def raise_interrupt(self) -> None:
        """Raise again the Ctrl-C the user pressed during this article, if any."""
        if self._interrupt is not None:
            raise self._interrupt

    def _on_sigint(self, previous: Any) -> Callable[[int, Any], None]:
        def on_sigint(signum: int, frame: Any) -> None:
            try:
                if callable(previous):
                    previous(signum, frame)
                elif previous != signal.SIG_IGN:
                    raise KeyboardInterrupt
            except BaseException as exc:
                self._interrupt = exc
                raise

        return on_sigint

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self._running is None or self.time_limit is None:
            return
        used = time.thread_time() - self._running[0]
        waited = time.perf_counter() - self._running[1]
        if used >= self.time_limit or waited >= self.time_limit * WALL_FACTOR:
            signal.setitimer(signal.ITIMER_REAL, RENOTICE_SECONDS)
            raise CheckTimeout(self._over_limit())
        # the wall clock ran ahead of the check's own (it waited for a core): look again when it may be due
        signal.setitimer(
            signal.ITIMER_REAL, max(0.01, min(self.time_limit - used, self.time_limit * WALL_FACTOR - waited))
        )

    def _over_limit(self) -> str:
        return f"stopped after its time limit of {self.time_limit:g} s on this article (setting time_limit)"


def validated(result: object, name: str, text_length: int) -> CheckResult:
    """The result of check `name` validated again from its JSON, so that one built without validation
    (`model_construct`) meets the contract too: a score in 0..1 (a NaN is not one), known severities,
    finite metrics and confidences, JSON-safe details, findings under the check's own name and code,
    spans inside the text."""
    if not isinstance(result, CheckResult):
        raise TypeError(f"run() returned {type(result).__name__}, not CheckResult")
    try:
        result = CheckResult.model_validate_json(result.model_dump_json(warnings=False))
    except PydanticSerializationError as exc:
        raise ValueError(f"result cannot be written as JSON: {exc}") from None
    if result.name != name:
        raise ValueError(f"result names check {result.name!r}, expected {name!r}")
    if result.score is None and result.error is None:
        raise ValueError("result has neither a score nor an error")
    for f in result.findings:
        if f.check != name or not f.code.startswith(f"{name}."):
            raise ValueError(f"finding {f.code!r} of check {f.check!r} is not under check {name!r}")
        if any(s.end > text_length for s in (f, *f.related) if getattr(s, "article", None) is None):
            raise ValueError(f"finding {f.code} span beyond the text ({text_length} characters)")
    return result
