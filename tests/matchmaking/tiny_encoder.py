"""A tiny BERT-like encoder written to a folder as the folder backend expects it (``model.onnx``,
``tokenizer.json``, ``sticoop_embedder.json``), built in the test from a seeded random generator: word-piece
embeddings, one self-attention layer with the padding masked out, a residual feed-forward layer. Its vocabulary
is the words of the texts it is given (so it behaves like a random projection of their words: same-language
lexical similarity, no cross-language ability)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]")


def write_tokenizer(folder: Path, texts: Iterable[str], size: int = 3000) -> int:
    """A WordPiece tokenizer over the ``size`` commonest lower-cased words of ``texts``; returns its vocab size."""
    counts = Counter(w for t in texts for w in re.findall(r"\w+", t.lower()))
    words = [w for w, _ in counts.most_common(size)]
    prefixes = ["query", "passage", ":"]  # the words of the e5-style prefixes the folder's config names
    vocab = {tok: i for i, tok in enumerate(dict.fromkeys([*SPECIALS, *prefixes, *words]))}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    tok.save(str(folder / "tokenizer.json"))
    return len(vocab)


def write_model(folder: Path, vocab: int, dim: int = 32, seed: int = 0, token_types: bool = True) -> None:
    """``model.onnx``: inputs input_ids, attention_mask (and token_type_ids), output last_hidden_state."""
    rng = np.random.default_rng(seed)

    def weight(name: str, *shape: int, scale: float = 1.0) -> onnx.TensorProto:
        return numpy_helper.from_array((rng.standard_normal(shape) * scale).astype(np.float32), name)

    inits = [weight("word", vocab, dim), weight("wq", dim, dim, scale=dim ** -0.5),
             weight("wk", dim, dim, scale=dim ** -0.5), weight("wv", dim, dim, scale=dim ** -0.5),
             weight("w1", dim, dim, scale=dim ** -0.5),
             numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
             numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one"),
             numpy_helper.from_array(np.array(-1e4, dtype=np.float32), "neg"),
             numpy_helper.from_array(np.array(dim ** -0.5, dtype=np.float32), "scale")]
    nodes = [helper.make_node("Gather", ["word", "input_ids"], ["emb0"])]
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])]
    if token_types:
        inits.append(weight("types", 2, dim, scale=0.1))
        nodes += [helper.make_node("Gather", ["types", "token_type_ids"], ["temb"]),
                  helper.make_node("Add", ["emb0", "temb"], ["x"])]
        inputs.append(helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", "tokens"]))
    else:
        nodes.append(helper.make_node("Identity", ["emb0"], ["x"]))
    nodes += [
        helper.make_node("MatMul", ["x", "wq"], ["q"]),
        helper.make_node("MatMul", ["x", "wk"], ["k"]),
        helper.make_node("MatMul", ["x", "wv"], ["v"]),
        helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 2, 1]),
        helper.make_node("MatMul", ["q", "kt"], ["s0"]),
        helper.make_node("Mul", ["s0", "scale"], ["s1"]),
        helper.make_node("Cast", ["attention_mask"], ["m0"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["m0", "axis1"], ["m1"]),
        helper.make_node("Sub", ["one", "m1"], ["m2"]),
        helper.make_node("Mul", ["m2", "neg"], ["m3"]),
        helper.make_node("Add", ["s1", "m3"], ["s2"]),
        helper.make_node("Softmax", ["s2"], ["a"], axis=-1),
        helper.make_node("MatMul", ["a", "v"], ["ctx"]),
        helper.make_node("Add", ["x", "ctx"], ["h0"]),
        helper.make_node("MatMul", ["h0", "w1"], ["f0"]),
        helper.make_node("Tanh", ["f0"], ["f1"]),
        helper.make_node("Add", ["h0", "f1"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(nodes, "tiny-bert", inputs,
                              [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                                             ["batch", "tokens", dim])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(folder / "model.onnx"))


def write_folder(folder: Path, texts: Iterable[str], *, pooling: str = "mean", dim: int = 32,
                 languages: list[str] | None = None, token_types: bool = True) -> Path:
    """The three files of a folder model in ``folder`` (created); returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = write_tokenizer(folder, texts)
    write_model(folder, vocab, dim=dim, token_types=token_types)
    config = {"name": "tiny-bert", "pooling": pooling, "query_prefix": "query: ", "passage_prefix": "passage: ",
              "max_tokens": 128, "languages": languages}
    (folder / "sticoop_embedder.json").write_text(json.dumps(config), encoding="utf-8")
    return folder
