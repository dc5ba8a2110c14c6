"""Reading public data sets for the evaluations: a file of a GitHub repository at a fixed commit.

The data never enters this repository. A file is read from a local bare clone (a folder of
`owner+name/repo` git directories, `RELIABILITY_MIRROR`) or, failing that, from a cache folder
(`RELIABILITY_EVAL_DATA`, default `~/.cache/reliability-eval`) where a previous read or a manual
`git show <commit>:<path>` put it. Without either, the evaluation says which repository, commit and
path it needs, and where to put them.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PublicFile:
    """One file of a public repository at a commit: the provenance printed beside every figure."""

    repo: str  # owner/name on GitHub
    commit: str
    path: str
    licence: str

    def describe(self) -> str:
        return f"github.com/{self.repo} @ {self.commit[:12]}: {self.path} ({self.licence})"


class MissingData(RuntimeError):
    """The public file is neither in the mirror nor in the cache."""


def cache_dir() -> Path:
    return Path(os.environ.get("RELIABILITY_EVAL_DATA", Path.home() / ".cache" / "reliability-eval"))


def read_bytes(source: PublicFile) -> bytes:
    """The file's bytes: from the cache, else from the mirror (then cached)."""
    cached = cache_dir() / source.repo.replace("/", "+") / source.commit[:12] / source.path
    if cached.is_file():
        return cached.read_bytes()
    mirror = os.environ.get("RELIABILITY_MIRROR")
    if mirror:
        git_dir = Path(mirror) / source.repo.replace("/", "+") / "repo"
        done = subprocess.run(
            ["git", "-C", str(git_dir), "show", f"{source.commit}:{source.path}"], capture_output=True, check=False
        )
        if done.returncode == 0:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(done.stdout)
            return done.stdout
    raise MissingData(
        f"needs {source.describe()}: clone https://github.com/{source.repo}, then "
        f"`git show {source.commit}:{source.path} > {cached}` (or set RELIABILITY_MIRROR to a folder of clones)"
    )


def files_under(source: PublicFile) -> list[str]:
    """Paths under a folder of the repository at the commit (from the mirror, or the cache's copy)."""
    cached = cache_dir() / source.repo.replace("/", "+") / source.commit[:12]
    mirror = os.environ.get("RELIABILITY_MIRROR")
    if mirror:
        git_dir = Path(mirror) / source.repo.replace("/", "+") / "repo"
        done = subprocess.run(
            ["git", "-C", str(git_dir), "ls-tree", "-r", "-z", "--name-only", source.commit, source.path],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            return [name for name in done.stdout.split("\0") if name]  # names may hold spaces ("amd (1).htm")
    folder = cached / source.path
    if folder.is_dir():
        return sorted(str(p.relative_to(cached)) for p in folder.rglob("*") if p.is_file())
    raise MissingData(f"needs the folder {source.describe()}")
