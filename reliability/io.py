"""Reading articles and writing reports.

A `.txt` file is one article (`id` = file name, `text` = the whole content); a `.jsonl` file holds
one Article object a line; a folder contributes its `.txt` and `.jsonl` files, sorted; `-` is JSONL
on standard input. Anything unreadable becomes a `ReadError` in the stream, so one bad file or line
never stops the rest. Bytes that are not valid UTF-8 are decoded with U+FFFD replacements (the
`integrity` check reports them) rather than rejected.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from pydantic import BaseModel, ValidationError

from reliability.models import Article

ARTICLE_SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class ReadError:
    """Input that could not be turned into an Article: where, and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_articles(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Article | ReadError]:
    """Articles from files, folders and `-` (JSONL on stdin), lazily and in order."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl(stdin or sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield ReadError(raw, "folder holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield ReadError(raw, "no such file or folder")


def _read_file(path: Path) -> Iterator[Article | ReadError]:
    try:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as fh:
                yield from _read_jsonl(fh, str(path))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or type(exc).__name__)
        return
    yield Article(id=path.name, text=decode(data))


def _read_jsonl(fh: BinaryIO, where: str) -> Iterator[Article | ReadError]:
    for number, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            yield Article.model_validate(json.loads(decode(line)))
        except json.JSONDecodeError as exc:
            yield ReadError(f"{where}:{number}", f"not valid JSON ({exc.msg})")
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors())
            yield ReadError(f"{where}:{number}", f"not an article ({problems})")


def decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped); invalid bytes become U+FFFD instead of failing."""
    return data.decode("utf-8-sig", errors="replace")


def write_jsonl(models: Iterable[BaseModel], out: TextIO) -> None:
    """One compact JSON object a line, flushed per line so pipelines see results as they come."""
    for model in models:
        out.write(model.model_dump_json() + "\n")
        out.flush()
