"""Sentence-embedding throughput of all-MiniLM-L6-v2 on CPU and on a CUDA GPU, side by side.

Runs the model Watchfloor embeds with (weights from export_weights.py) in PyTorch, with the same
input (leads.py), mean pooling and L2 normalisation as resolve/Embedder, and prints one JSON
object: for each configuration the median articles per second over several timed passes (the
tokenizer and the host-device copies included), and for the CPU runs articles per CPU-second.
It also compares the GPU's float16 embeddings with the CPU's float32 ones (cosine).

usage: python3 embed_throughput.py WEIGHTS_DIR LEADS.jsonl [LEADS.jsonl...] > result.json
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

MAX_TOKENS = 512  # what langchain4j's encoder reads in one window


def load(weights_dir, device, dtype):
    config = BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6,
                        num_attention_heads=12, intermediate_size=1536, max_position_embeddings=512,
                        type_vocab_size=2, hidden_act="gelu", layer_norm_eps=1e-12)
    model = BertModel(config)
    arrays = np.load(os.path.join(weights_dir, "minilm-fp16.npz"))
    state = {k: torch.from_numpy(arrays[k].astype(np.float32)) for k in arrays.files}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if m != "embeddings.position_ids"]
    if missing or unexpected:
        sys.exit(f"weights do not fit: missing {missing}, unexpected {unexpected}")
    return model.to(device=device, dtype=dtype).eval()


def tokenizer(weights_dir):
    tok = Tokenizer.from_file(os.path.join(weights_dir, "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding()
    return tok


@torch.inference_mode()
def embed(model, tok, texts, device, batch):
    out = []
    for i in range(0, len(texts), batch):
        enc = tok.encode_batch(texts[i:i + batch])
        ids = torch.tensor([e.ids for e in enc], device=device)
        mask = torch.tensor([e.attention_mask for e in enc], device=device)
        hidden = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1)
        out.append(torch.nn.functional.normalize(pooled.float(), dim=1).cpu())
    return torch.cat(out)


def timed(fn, passes):
    walls, cpus = [], []
    for _ in range(passes):
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        w, c = time.perf_counter(), time.process_time()
        fn()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def main():
    weights, files = sys.argv[1], sys.argv[2:]
    tok = tokenizer(weights)
    result = {"torch": torch.__version__, "cpu_cores": os.cpu_count(),
              "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None, "sets": {}}
    for path in files:
        texts = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        lengths = [sum(e.attention_mask) for e in tok.encode_batch(texts)]  # padding excluded
        rows = []
        set_result = {"articles": len(texts), "tokens_median": statistics.median(lengths),
                      "tokens_max": max(lengths), "runs": rows}
        sample = texts[:200]
        # CPU, one thread: articles per second per core, as the Java benchmark reports
        torch.set_num_threads(1)
        cpu32 = load(weights, "cpu", torch.float32)
        for batch in (1, 16):
            embed(cpu32, tok, sample[:8], "cpu", batch)
            wall, cpu = timed(lambda: embed(cpu32, tok, sample, "cpu", batch), 3)
            rows.append({"device": "cpu", "threads": 1, "dtype": "float32", "batch": batch,
                         "articles_per_s": len(sample) / wall, "articles_per_cpu_s": len(sample) / cpu})
        reference = embed(cpu32, tok, sample, "cpu", 16)
        threads = os.cpu_count()
        torch.set_num_threads(threads)
        wall, cpu = timed(lambda: embed(cpu32, tok, sample, "cpu", 32), 3)
        rows.append({"device": "cpu", "threads": threads, "dtype": "float32", "batch": 32,
                     "articles_per_s": len(sample) / wall, "articles_per_cpu_s": len(sample) / cpu})
        if torch.cuda.is_available():
            many = (texts * (4096 // len(texts) + 1))[:4096]
            for dtype in (torch.float32, torch.float16):
                gpu = load(weights, "cuda", dtype)
                for batch in (32, 128, 512):
                    embed(gpu, tok, many[:batch * 2], "cuda", batch)
                    wall, cpu = timed(lambda: embed(gpu, tok, many, "cuda", batch), 5)
                    rows.append({"device": "cuda", "dtype": str(dtype).split(".")[1], "batch": batch,
                                 "articles_per_s": len(many) / wall, "host_cpu_s_per_1k": 1000 * cpu / len(many)})
                got = embed(gpu, tok, sample, "cuda", 64)
                cos = (got * reference).sum(1)
                set_result[f"cosine_vs_cpu_fp32_{str(dtype).split('.')[1]}"] = {
                    "min": float(cos.min()), "median": float(cos.median())}
        result["sets"][os.path.basename(path)] = set_result
        print(json.dumps(result["sets"][os.path.basename(path)]), file=sys.stderr, flush=True)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
