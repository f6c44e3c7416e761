"""What every command shares: verbosity, the console, and mapping errors to exit codes.

Exit codes (documented in README.md):

* 0 — success
* 1 — the command ran and found a problem it reports (SHACL violations)
* 2 — bad input, bad option, unreachable database, unwritable output: one line on stderr
* 3 — an unexpected internal error (``-v`` shows the traceback)
"""
from __future__ import annotations

import logging
import sys
import traceback
from contextlib import contextmanager
from typing import Callable, Iterator

import typer
from rich.console import Console

from kg.errors import KGError

EXIT_OK, EXIT_PROBLEM, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3

console = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class State:
    verbose: int = 0
    quiet: bool = False


state = State()


def configure_logging(verbose: int, quiet: bool) -> None:
    state.verbose, state.quiet = verbose, quiet
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbose >= 2:
        level = logging.DEBUG
    elif verbose == 1:
        level = logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr,
                        force=True)


def info(msg: str) -> None:
    if not state.quiet:
        console.print(msg, markup=False)


def error_line(msg: str) -> None:
    """One line on stderr, whatever the message contains."""
    console.print("error: " + " ".join(str(msg).split()), markup=False)


#: a progress bar appears once more than this many documents have been processed
PROGRESS_AFTER = 3


@contextmanager
def progress_bar(what: str) -> Iterator[Callable[..., None]]:
    """Yield a ``tick()`` callback; a transient progress line shows on a terminal after a few ticks."""
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    enabled = not state.quiet and console.is_terminal
    progress = Progress(SpinnerColumn(), TextColumn(what), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True, disable=not enabled)
    task = progress.add_task(what, total=None, visible=False)
    done = 0

    def tick(*_args: object) -> None:
        nonlocal done
        done += 1
        progress.update(task, completed=done, visible=done > PROGRESS_AFTER)

    with progress:
        yield tick


@contextmanager
def guarded() -> Iterator[None]:
    """Run a command body: KGError -> one line + its exit code; anything else -> exit 3."""
    try:
        yield
    except typer.Exit:
        raise
    except KGError as exc:
        if state.verbose:
            traceback.print_exc()
        error_line(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        error_line("interrupted")
        raise typer.Exit(130) from None
    except Exception as exc:  # noqa: BLE001 — the last line of defence: no traceback reaches users
        if state.verbose:
            traceback.print_exc()
        error_line(f"internal error: {type(exc).__name__}: {exc} (run with -v for details)")
        raise typer.Exit(EXIT_INTERNAL) from None
