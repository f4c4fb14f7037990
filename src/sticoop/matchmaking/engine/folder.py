"""A sentence encoder loaded from a local folder: an ONNX export of a transformer and its ``tokenizer.json``.

Chosen by ``STICOOP_EMBEDDER=folder:/path/to/model``. The folder holds (names fixed, see README "A stronger
encoder"):

* ``model.onnx`` – the encoder, inputs ``input_ids`` and ``attention_mask`` (``token_type_ids`` too when the
  graph asks for it, fed zeros), int64 of shape ``(batch, tokens)``; its output (the one named by ``output``,
  else ``sentence_embedding`` when there is one, else the first) either the token states
  ``(batch, tokens, dim)`` (pooled here) or an already pooled ``(batch, dim)``;
* ``tokenizer.json`` – the Hugging Face ``tokenizers`` file of the same model;
* ``sticoop_embedder.json`` – how to use it (:class:`FolderConfig`): ``name``, ``pooling`` (``"mean"`` over the
  attended tokens or ``"cls"``, the first token), ``query_prefix`` / ``passage_prefix`` (e5: ``"query: "`` /
  ``"passage: "``; LaBSE: none), ``max_tokens`` (default 512), ``languages`` (ISO 639-1 codes the model handles,
  or null for any), ``output`` (optional);
* ``sticoop_calibration.json`` – written by ``sticoop matching calibrate``: the per-language means and the two
  score curves. Without it the backend refuses to load (uncalibrated scores would not mean what the threshold
  says); ``STICOOP_EMBEDDER_CALIBRATION`` may name another path for it.

Nothing is downloaded: every file is read from the folder, and a missing or unreadable one raises
:class:`EmbedderConfigError` naming the variable and the file. Inference: ``onnxruntime`` on the CPU, texts
in batches of :data:`BATCH` sorted by length (less padding).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "sticoop_embedder.json"
CALIBRATION_FILE = "sticoop_calibration.json"
#: the environment variables a deployer sets
EMBEDDER_VARIABLE = "STICOOP_EMBEDDER"
CALIBRATION_VARIABLE = "STICOOP_EMBEDDER_CALIBRATION"
#: the prefix of ``STICOOP_EMBEDDER`` that names a folder
FOLDER_PREFIX = "folder:"
#: texts per model call
BATCH = 32
POOLINGS = ("mean", "cls")


class EmbedderConfigError(ValueError):
    """The configured embedder cannot be used: the message names the variable, the file and what to do."""


@dataclass(frozen=True)
class FolderConfig:
    """``sticoop_embedder.json``: how to turn texts into vectors with the folder's model.

    ``name`` (letters, digits, ``.-_``) goes into the name stored with every vector; ``pooling`` is ``"mean"``
    (mean of the token states where ``attention_mask`` is 1: e5, sentence-transformers models) or ``"cls"``
    (the first token's state: LaBSE, BGE); ``query_prefix`` is put before every text matched as a profile
    (symmetric matching), ``passage_prefix`` before documents of an asymmetric index; ``max_tokens`` in
    [8, 8192] truncates longer texts; ``languages`` lists the ISO 639-1 codes the model handles (None: any);
    ``output`` names the graph output to use (None: ``sentence_embedding`` when the graph has it, else the
    first)."""

    name: str
    pooling: str = "mean"
    query_prefix: str = ""
    passage_prefix: str = ""
    max_tokens: int = 512
    languages: frozenset[str] | None = None
    output: str | None = None

    @classmethod
    def read(cls, path: Path) -> FolderConfig:
        """Parse and check ``path``; raises :class:`EmbedderConfigError` naming the field at fault."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: cannot read {path} ({exc.strerror or exc})") from None
        except ValueError as exc:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path} is not valid JSON ({exc})") from None
        if not isinstance(raw, dict):
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path} must hold a JSON object")
        known = {"name", "pooling", "query_prefix", "passage_prefix", "max_tokens", "languages", "output", "about"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: unknown field {unknown[0]!r}; "
                                      f"known: {', '.join(sorted(known))}")
        name = raw.get("name")
        if not isinstance(name, str) or not name or not all(c.isalnum() or c in ".-_" for c in name):
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: 'name' must be letters, digits, '.', '-' "
                                      f"or '_', got {name!r}")
        pooling = raw.get("pooling", "mean")
        if pooling not in POOLINGS:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: 'pooling' must be one of "
                                      f"{', '.join(POOLINGS)}, got {pooling!r}")
        prefixes = {k: raw.get(k, "") for k in ("query_prefix", "passage_prefix")}
        for key, value in prefixes.items():
            if not isinstance(value, str):
                raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: {key!r} must be a string")
        max_tokens = raw.get("max_tokens", 512)
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or not 8 <= max_tokens <= 8192:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: 'max_tokens' must be an integer from 8 to "
                                      f"8192, got {max_tokens!r}")
        languages = raw.get("languages")
        if languages is not None and (not isinstance(languages, list)
                                      or not all(isinstance(x, str) and x for x in languages)):
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: 'languages' must be a list of ISO 639-1 "
                                      "codes or null")
        output = raw.get("output")
        if output is not None and (not isinstance(output, str) or not output):
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: {path}: 'output' must be the name of an output of "
                                      "the graph, or null")
        return cls(name=name, pooling=pooling, output=output, query_prefix=prefixes["query_prefix"],
                   passage_prefix=prefixes["passage_prefix"], max_tokens=max_tokens,
                   languages=None if languages is None else frozenset(x.lower() for x in languages))


def folder_of(spec: str) -> Path:
    """``"folder:/models/e5-base"`` → ``Path("/models/e5-base")``; raises :class:`EmbedderConfigError` when the
    path part is empty."""
    path = spec[len(FOLDER_PREFIX):].strip() if spec.startswith(FOLDER_PREFIX) else spec
    if not path:
        raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: 'folder:' needs a path, e.g. folder:/srv/models/e5-base")
    return Path(path).expanduser()


def calibration_path(folder: Path) -> Path:
    """Where the calibration of the model in ``folder`` is read and written: ``$STICOOP_EMBEDDER_CALIBRATION``
    when set, else ``folder/sticoop_calibration.json``."""
    override = os.environ.get(CALIBRATION_VARIABLE, "").strip()
    return Path(override).expanduser() if override else folder / CALIBRATION_FILE


def check_folder(folder: Path) -> None:
    """Raise :class:`EmbedderConfigError` when ``folder`` or one of its three files is missing (cheap: no load)."""
    if not folder.is_dir():
        raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{folder}: no such folder (put the model there "
                                  "first: see README, 'A stronger encoder')")
    for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE):
        if not (folder / name).is_file():
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{folder}: missing {name}")


def _fingerprint(folder: Path, config: FolderConfig) -> str:
    """12 hex digits that change with the model: the config, the tokenizer, the model's size and first MiB (a
    full hash of a 1 GB model would cost seconds at every start)."""
    h = hashlib.sha256()
    for name in (CONFIG_FILE, TOKENIZER_FILE):
        h.update((folder / name).read_bytes())
    model = folder / MODEL_FILE
    h.update(str(model.stat().st_size).encode())
    with model.open("rb") as f:
        h.update(f.read(1 << 20))
    return h.hexdigest()[:12]


class FolderEmbedder:
    """An ONNX sentence encoder from a local folder (module docstring). ``embed`` returns L2-normalised float32
    rows of length :attr:`dim`; ``calibration``, ``hub_calibration`` and ``language_means`` come from the
    folder's calibration file, which is required unless ``calibrated=False`` (what ``sticoop matching
    calibrate`` uses to write it). Raises :class:`EmbedderConfigError` for a missing, unreadable or
    inconsistent file."""

    calibration: tuple[float, float]
    hub_calibration: tuple[float, float]

    def __init__(self, folder: Path | str, mode: str = "query", calibrated: bool = True,
                 num_threads: int | None = None):
        if mode not in ("query", "passage"):
            raise ValueError(f"mode must be 'query' or 'passage', not {mode!r}")
        self.folder = Path(folder)
        check_folder(self.folder)
        self.config = FolderConfig.read(self.folder / CONFIG_FILE)
        self.mode = mode
        self.prefix = self.config.query_prefix if mode == "query" else self.config.passage_prefix
        self.languages: frozenset[str] | None = self.config.languages
        self.name = f"folder-{self.config.name}-{_fingerprint(self.folder, self.config)}-{mode}"
        self._tokenizer = self._load_tokenizer()
        self._session, self._inputs, self._output = self._load_model(num_threads)
        try:
            probe = self._run(["sticoop"])
        except Exception as exc:  # noqa: BLE001 - any failure of a first run means the files do not fit
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{self.folder}: the model does not run on "
                                      f"the tokenizer's output ({type(exc).__name__}: {exc})") from None
        self.dim = int(probe.shape[1])
        self.language_means: dict[str | None, np.ndarray] = {}
        self.calibration = self.hub_calibration = (0.0, 0.0)
        self.calibrated = False
        if calibrated:
            self.load_calibration(calibration_path(self.folder))

    def _load_tokenizer(self) -> Any:
        try:
            from tokenizers import Tokenizer
        except ImportError:  # pragma: no cover - a dependency of sticoop
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: the folder backend needs the 'tokenizers' "
                                      "package") from None
        path = self.folder / TOKENIZER_FILE
        try:
            tok = Tokenizer.from_file(str(path))
        except Exception as exc:  # noqa: BLE001 - the library raises a bare Exception for a bad file
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{self.folder}: {TOKENIZER_FILE} cannot be "
                                      f"read ({exc})") from None
        tok.no_padding()  # padded here, with the model's own pad token when it names one (XLM-R: 1, BERT: 0)
        tok.enable_truncation(max_length=self.config.max_tokens)
        self._pad_id = next((i for i in (tok.token_to_id(t) for t in ("<pad>", "[PAD]")) if i is not None), 0)
        return tok

    def _load_model(self, num_threads: int | None) -> tuple[Any, list[str], str]:
        try:
            import onnxruntime as ort
        except ImportError:  # pragma: no cover - a dependency of sticoop
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}: the folder backend needs the 'onnxruntime' "
                                      "package") from None
        options = ort.SessionOptions()
        if num_threads:
            options.intra_op_num_threads = num_threads
        options.log_severity_level = 3
        try:
            session = ort.InferenceSession(str(self.folder / MODEL_FILE), sess_options=options,
                                           providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own classes for a bad graph
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{self.folder}: {MODEL_FILE} cannot be "
                                      f"loaded ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})") from None
        inputs = [i.name for i in session.get_inputs()]
        unknown = [n for n in inputs if n not in ("input_ids", "attention_mask", "token_type_ids")]
        if "input_ids" not in inputs or unknown:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{self.folder}: {MODEL_FILE} must take "
                                      f"input_ids and attention_mask (and optionally token_type_ids); it takes "
                                      f"{', '.join(inputs)}")
        outputs = [o.name for o in session.get_outputs()]
        output = self.config.output or ("sentence_embedding" if "sentence_embedding" in outputs else outputs[0])
        if output not in outputs:
            raise EmbedderConfigError(f"{EMBEDDER_VARIABLE}=folder:{self.folder}: {CONFIG_FILE}: 'output' "
                                      f"{output!r} is not an output of {MODEL_FILE} ({', '.join(outputs)})")
        return session, inputs, output

    def load_calibration(self, path: Path) -> None:
        """Read the means and curves written by ``sticoop matching calibrate``; raises
        :class:`EmbedderConfigError` when the file is missing, unreadable or made for another model."""
        if not path.is_file():
            raise EmbedderConfigError(
                f"{EMBEDDER_VARIABLE}=folder:{self.folder}: not calibrated ({path} is missing); run "
                f"`STICOOP_EMBEDDER=folder:{self.folder} sticoop matching calibrate` once")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            embedder, dim = data["embedder"], int(data["dim"])
            curve = tuple(float(x) for x in data["calibration"])
            hub = tuple(float(x) for x in data["hub_calibration"])
            means = {(None if lang == "null" else lang): np.asarray(v, dtype=np.float64)
                     for lang, v in data["language_means"].items()}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EmbedderConfigError(f"{CALIBRATION_VARIABLE}: {path} cannot be read ({type(exc).__name__}: "
                                      f"{exc}); run `sticoop matching calibrate` again") from None
        if embedder != self.name or dim != self.dim or len(curve) != 2 or len(hub) != 2 \
                or any(m.shape != (self.dim,) for m in means.values()):
            raise EmbedderConfigError(f"{CALIBRATION_VARIABLE}: {path} was written for {embedder!r} "
                                      f"(dim {dim}), not for this model {self.name!r} (dim {self.dim}); run "
                                      "`sticoop matching calibrate` again")
        self.calibration = (curve[0], curve[1])
        self.hub_calibration = (hub[0], hub[1])
        self.language_means = means
        self.calibrated = True

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch([self.prefix + t for t in texts])
        width = max(len(e.ids) for e in encodings)
        ids = np.full((len(texts), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros((len(texts), width), np.int64)}
        out = np.asarray(self._session.run([self._output], {n: feed[n] for n in self._inputs})[0],
                         dtype=np.float32)
        if out.ndim == 2:  # already pooled by the graph
            return out
        if out.ndim != 3:
            raise ValueError(f"first output has shape {out.shape}; expected (batch, tokens, dim) or (batch, dim)")
        if self.config.pooling == "cls":
            return out[:, 0, :]
        weights = mask[:, :, None].astype(np.float32)
        return (out * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)

    def embed(self, texts: list[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32, rows of unit length (a text of no token gives a zero row)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            out[chunk] = self._run([texts[i] for i in chunk])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return (out / norms).astype(np.float32, copy=False)
