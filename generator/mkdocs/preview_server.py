"""`briefings serve` (`make serve`): the live preview, serving the last build at once.

`mkdocs serve` builds into a new temporary folder, and serves nothing until a full build
is done: minutes at 10,000 articles. This preview works in the site folder itself (`site/`,
which `make site` also builds): when the last build left a state there of the same
fingerprint (site_state.py), the site is served at once as it is, and MkDocs' dirty build
brings it up to date in the background, rebuilding only the pages whose Markdown changed
(last_build.py); browsers reload when it is done. Without such a state (the first build
ever, another site_url or theme), it builds everything first, as `mkdocs serve` does.

Then it is MkDocs' live reload: the same server, watching content/, the templates and
mkdocs.yml (the plugin's `on_serve`), rebuilding in the same process. Pages are served as
built, byte for byte; only the served copy of each HTML page gets MkDocs' reload script
and, while the search index does not cover the pages as they are, a notice saying so (in
French, the site's language): during the start-up build the index is the last build's, and
the preview's rebuilds after an edit leave the index alone (re-indexing 10,000 pages takes
a minute); `make site` or the next `make serve` indexes them again. When it stops, it keeps
its generation session for the next build (the plugin's `keep_preview_session`), whether
stopped with Ctrl-C or with SIGTERM.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from os.path import isfile, join
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url

from generator.mkdocs.docs_listing import kept_listing
from generator.mkdocs.plugin import BriefingsPlugin, edit_url_base, preview_builds
from generator.mkdocs.site_state import fingerprint, load_state, state_path

log = logging.getLogger("mkdocs.plugins.briefings")

UPDATING = "Aperçu en cours de mise à jour depuis la dernière construction : la recherche porte encore sur celle-ci."
"""Shown while the start-up build runs: pages may still change, and search covers the last build."""
STALE_SEARCH = (
    "La recherche porte sur le site tel qu’il était au lancement de l’aperçu : "
    "les dernières modifications n’y figurent pas encore (relancez make serve ou make site)."
)
"""Shown once the preview has rebuilt pages after an edit without indexing them again."""
NOTE = (
    '<p role="status" data-pagefind-ignore style="position:fixed;inset:auto 0 0 0;z-index:10;margin:0;'
    'padding:.4rem 1rem;background:#fff3cd;color:#3d2e00;font:0.8rem/1.4 sans-serif;text-align:center">{}</p>'
)


class LastBuildServer(LiveReloadServer):
    """MkDocs' live-reload server, able to serve the site while a first build updates it."""

    def __init__(self, builder: Callable[[], None], **options: object) -> None:
        self.building = threading.Lock()
        """Held by the build under way."""

        def one_build_at_a_time() -> None:
            with self.building:
                builder()

        super().__init__(builder=one_build_at_a_time, **options)  # type: ignore[arg-type]
        self.note: str | None = None
        """What the reader is told at the foot of every page, if anything."""

    def update_in_background(self) -> threading.Thread:
        """Build once beside the server, which keeps serving the last build meanwhile.

        MkDocs' own rebuilds hold requests until they are done (`_wanted_epoch`); this one
        does not, so the last build's pages are served at once. When it is done, browsers
        reload, unless an edit's rebuild has started meanwhile: that one will reload them.
        """

        def run() -> None:
            try:
                self.builder()
            except Exception:  # noqa: BLE001 - reported as MkDocs reports a failed rebuild
                log.exception("briefings: the start-up build failed; the last build stays served")
                return
            with self._epoch_cond:
                if self._visible_epoch == self._wanted_epoch:
                    self._wanted_epoch = self._visible_epoch = self._wanted_epoch + 1
                    self._epoch_cond.notify_all()

        thread = threading.Thread(target=run, name="briefings-start-up-build", daemon=True)
        thread.start()
        return thread

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]  # MkDocs, untyped
        if self.note is None:
            return content
        body_end = content.rfind(b"</body>")
        body_end = len(content) if body_end < 0 else body_end
        return content[:body_end] + NOTE.format(self.note).encode("utf-8") + content[body_end:]


def serve(config_file: Path, dev_addr: str | None = None, *, open_in_browser: bool = False) -> None:
    """Preview the site of `config_file` until interrupted (see the module's docstring)."""

    def get_config() -> MkDocsConfig:
        return load_config(config_file=str(config_file), dev_addr=dev_addr)

    config = get_config()
    plugin = config.plugins["briefings"]
    assert isinstance(plugin, BriefingsPlugin)
    plugin.keeps_site = True  # MkDocs keeps a plugin with `on_startup` for every rebuild
    config.plugins.on_startup(command="serve", dirty=True)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)
    site_dir = config.site_dir

    def builder(fresh: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        if fresh is None:
            fresh = get_config()
            fresh.site_url = serve_url
        try:
            build(fresh, serve_url=serve_url, dirty=True)
        finally:
            server.note = None if plugin.search_current else STALE_SEARCH

    server = LastBuildServer(builder, host=host, port=port, root=site_dir, mount_path=mount_path)

    def error_page(code: int) -> bytes | None:
        page = join(site_dir, f"{code}.html")
        if code in (404, 500) and isfile(page):
            with open(page, "rb") as stream:
                return stream.read()
        return None

    server.error_handler = error_page
    last_build = load_state(state_path(config), fingerprint(config, edit_url_base(config)), Path(site_dir))
    default_sigterm = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with kept_listing(preview_builds(Path(site_dir)).listing):
            if last_build is None:
                builder(config)
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
            if last_build is not None:
                log.info(f"briefings: serving the last build of {site_dir} while it is brought up to date")
                server.note = UPDATING
                server.update_in_background()
            try:
                server.serve(open_in_browser=open_in_browser)  # type: ignore[no-untyped-call]  # MkDocs, untyped
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
            if server.building.acquire(blocking=False):  # not while a build runs: Ctrl-C does not wait for it
                try:
                    plugin.keep_preview_session()
                finally:
                    server.building.release()
    finally:
        signal.signal(signal.SIGTERM, default_sigterm)
        config.plugins.on_shutdown()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Stop on SIGTERM as on Ctrl-C: a service manager's stop, or `kill`, keeps the session and shuts the
    plugins down, where Python's default would end the process on the spot."""
    raise KeyboardInterrupt
