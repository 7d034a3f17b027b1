"""The preview hears of edits from the system's file events instead of MkDocs' polling."""

from __future__ import annotations

import logging
from pathlib import Path

import watchdog.events
import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.briefings")


def watch_with_system_events(server: LiveReloadServer, config: MkDocsConfig, content: Path) -> None:
    """Have the system tell the preview of edits, instead of MkDocs polling every watched file.

    MkDocs' watcher takes stock of every watched file twice a second: at 10,000 articles,
    a tenth of a second of the interpreter each time, taken from the rebuild it runs
    alongside, and an edit waits a quarter of a second on average to be noticed. The
    platform's observer (inotify on Linux, FSEvents on macOS) hears of an edit at once.

    Called from `on_serve`, before MkDocs starts its observer and watches the folders of
    `watch:`. What MkDocs watches already (mkdocs.yml; the theme with --watch-theme) moves
    to the new observer. MkDocs keeps polling if the platform has no file events, if they
    cannot start (inotify's limit of instances reached), or if something else is watched.
    """
    probe = watchdog.observers.Observer()
    if isinstance(probe, PollingObserver):  # the platform has no file events
        return
    try:
        probe.schedule(watchdog.events.FileSystemEventHandler(), str(content), recursive=True)
        probe.start()
    except OSError as error:
        log.info(f"briefings: the preview polls for edits (no system file events: {error})")
        return
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    moved: list[str] = []
    for path in (config.config_file_path, *config.theme.dirs):
        try:
            if path:
                server.unwatch(path)
                moved.append(path)
        except KeyError:  # MkDocs' way of saying it does not watch it
            continue
    if not server.observer.emitters:  # else a plugin watches something we do not know of: keep polling
        server.observer = _ChangesObserver()
    for path in moved:
        server.watch(path)


CHANGES = (
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent,
)
"""The file events that mean an edit; MkDocs rebuilds on any event, and ignores folders' own."""


class _ChangesObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]  # a platform's class
    """The platform's observer, telling MkDocs only of changes to files.

    inotify also reports a file opened or read and closed. Every rebuild reads mkdocs.yml,
    so with those events each rebuild set off the next, a core busy for as long as the
    preview ran, and an edit waited for the rebuild under way. MkDocs' polling never
    reported reads, and MkDocs schedules its handlers without a filter: the observer adds one.
    """

    def schedule(
        self,
        event_handler: watchdog.events.FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[watchdog.events.FileSystemEvent]] | None = None,
    ) -> object:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or list(CHANGES))
