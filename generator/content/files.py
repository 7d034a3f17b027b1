"""Read a file only if it is a regular file of bounded size, without following or waiting.

Records are read from content/ and captures from wherever an editor saved them; neither
may make a command hang, crash or read what it should not:

- a named pipe (FIFO) or a device would block `open()` or never end: the file is opened
  with O_NONBLOCK, then `fstat` says what it is, and anything but a regular file is
  refused before a byte is read;
- a record that is a symbolic link is read only when it resolves to a file inside
  content/ (a link to a valid record elsewhere would publish it); a dangling link and a
  loop of links are reported as what they are;
- the size is checked on the open file and the reading stops one byte past the limit, so
  a file that grows while being read cannot exhaust memory;
- an editor's save replaces a file while it is read: a file removed before it is opened
  is reported (the next run reads it), and one whose size or time changed during the
  read is read again, a few times, then reported.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.content.limits import exceeded

_ATTEMPTS = 3
"""Reads of a file that keeps changing before it is reported."""
_CHUNK = 1 << 16


class UnreadableFileError(Exception):
    """The file cannot be read safely; the message says why, for an editor, without the path."""


def read_regular_file(path: Path, limit: int, limit_name: str, *, inside: Path | None = None) -> bytes:
    """Return the bytes of `path`, at most `limit` of them, or raise UnreadableFileError.

    With `inside` (a resolved folder), a symbolic link is followed only to a file inside
    it; without, links are followed (a capture may be linked from anywhere) but what they
    lead to must still be a regular file.
    """
    for _ in range(_ATTEMPTS):
        data, stable = _read_once(path, limit, limit_name, inside)
        if stable:
            return data
    raise UnreadableFileError("the file kept changing while it was read (is it being saved?); run the command again")


def _read_once(path: Path, limit: int, limit_name: str, inside: Path | None) -> tuple[bytes, bool]:
    target = path if inside is None else _inside_target(path, inside)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (os.O_NOFOLLOW if inside is not None else 0)
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        raise UnreadableFileError(_open_problem(error)) from None
    try:
        before = os.fstat(descriptor)
        if not stat.S_ISREG(before.st_mode):
            raise UnreadableFileError(f"{_file_type(before.st_mode)}, not a regular file; expected a text file")
        if before.st_size > limit:
            raise UnreadableFileError(exceeded(limit_name, f"the file is {before.st_size:,} bytes"))
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(descriptor, min(_CHUNK, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFileError(exceeded(limit_name, "the file grew while it was read, past the limit"))
        after = os.fstat(descriptor)
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {error.strerror}") from None
    finally:
        os.close(descriptor)
    stable = (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) and size == after.st_size
    return b"".join(chunks), stable


def _inside_target(path: Path, inside: Path) -> Path:
    """Where `path` leads, if it is a link to a file inside `inside`; else the problem."""
    try:
        if not stat.S_ISLNK(os.lstat(path).st_mode):
            return path
        shown = os.readlink(path)
    except FileNotFoundError:
        raise UnreadableFileError(_GONE) from None
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {error.strerror}") from None
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        raise UnreadableFileError(f"a link to {shown}, which does not exist; delete the link") from None
    except (OSError, RuntimeError):  # RuntimeError: pathlib's "Symlink loop" before Python 3.13
        raise UnreadableFileError(f"a link to {shown} that leads back to itself (a loop of links); delete it") from None
    if not resolved.is_relative_to(inside):
        raise UnreadableFileError(
            f"a link to {shown}, outside content/: records are read only from content/; "
            "copy the file here instead of linking to it"
        )
    return resolved


_GONE = "the file was removed while it was read (an editor saving it?); run the command again"


def _open_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return _GONE
    if error.errno == errno.ELOOP:  # O_NOFOLLOW: replaced by a link since it was looked at
        return "the file was replaced by a link while it was read; run the command again"
    if error.errno == errno.ENXIO:  # a socket
        return "a socket, not a regular file; expected a text file"
    if error.errno == errno.EISDIR:
        return "a folder, not a regular file; expected a text file"
    return f"cannot open the file: {error.strerror}"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"
