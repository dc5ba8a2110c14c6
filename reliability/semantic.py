"""Sentence meaning vectors from an offline model: the optional `semantic` extra.

Word overlap cannot tell a sentence from another story from one that brings a new fact of the same
story; a sentence-embedding model can, because it knows which words belong together ("mortgage"
and "interest rate", "airstrike" and "ceasefire"). The model is all-MiniLM-L6-v2, exported to ONNX
with its mean pooling and normalisation and stored compactly (`evaluation/export_semantic_model.py`; the
arithmetic stays float32, so the vectors are the model's), shipped in this package
(`reliability/semantic_model/`) and run by ONNX Runtime on one CPU thread, with the `tokenizers` library
reading the model's own word pieces: no torch. The `semantic` extra installs
those two runtimes; the model is loaded once per process, on first use: nothing is downloaded, ever.

Without the extra, `load_encoder()` returns None and the checks fall back to lexical evidence.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2 (ONNX Runtime)"
MODEL_DIR = Path(__file__).with_name("semantic_model")
MODEL_FILE = MODEL_DIR / "all-MiniLM-L6-v2.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
DIMENSIONS = 384
MAX_TOKENS = 128  # news sentences fit; a run-on paragraph is judged by its first 128 word pieces
BATCH = 8  # sentences per run, sorted by length: an article's sentences still differ in length, and padding
# a batch to its longest costs more than the runs saved (per article, 8 gave 1.4x the sentences per CPU-second of 32)


class SemanticModelMissing(RuntimeError):
    """Settings require the semantic model but the `semantic` extra is not installed."""


@runtime_checkable
class SentenceEncoder(Protocol):
    """What a check needs of an embedding model: unit-length vectors, one row per text, deterministic."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEncoder:
    """The shipped MiniLM graph through ONNX Runtime, on one thread: a pipeline scales out by worker
    processes (`workers=N`), and threads within each would only fight over the same cores."""

    name = MODEL_NAME

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: the graph's load notes are not the reader's business
        self._session = onnxruntime.InferenceSession(str(MODEL_FILE), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        pieces = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        by_length = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        for first in range(0, len(by_length), BATCH):
            rows = by_length[first : first + BATCH]
            ids = np.zeros((len(rows), len(pieces[rows[-1]])), dtype=np.int64)  # 0 is [PAD]
            mask = np.zeros_like(ids)
            for row, i in enumerate(rows):
                ids[row, : len(pieces[i])] = pieces[i]
                mask[row, : len(pieces[i])] = 1
            (vectors[rows],) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        return vectors


def semantic_available() -> bool:
    """Whether the `semantic` extra's runtimes and the shipped model are there (without importing them)."""
    return find_spec("onnxruntime") is not None and find_spec("tokenizers") is not None and MODEL_FILE.is_file()


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
    except Exception as exc:  # a broken runtime or model file: fall back to lexical evidence unless required
        if required:
            raise SemanticModelMissing(f"the semantic model failed to load: {type(exc).__name__}: {exc}") from exc
        log.warning("semantic model failed to load, using lexical evidence only: %s: %s", type(exc).__name__, exc)
        return None
