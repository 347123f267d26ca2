"""Refit the extraction confidence model (``src/infraledger/extract/confidence.json``) on the news-dev set.

Usage: python tools/fit_confidence.py [--backend rules] [--l2 1.0] [--out PATH] [--dry-run]

Every deal event the extractor returns for the 65 documents of ``../shared/eval/news`` is one example;
it is positive when the official scorer (``../shared/eval/score_events.py``, imported) would match it
to a gold event. The features are :func:`infraledger.extract.confidence.features`; the model is a
logistic regression with an L2 penalty on the coefficients (and a weak one, 0.01, on the intercept),
fitted by Newton's method. Before the final fit on all 65 documents, the tool fits on each half of the set (dev-01..25,
dev-26..65) and scores the other, and runs a five-fold cross-validation by document, so the figures show
how the model does on documents it has not seen.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere: the benchmarks package sits at the top
    sys.path.insert(0, str(REPO))

from benchmarks.devset import (  # noqa: E402 (after the path set-up above)
    dev_gold,
    dev_paths,
    dev_predictions,
    in_first_part,
    matched,
    print_reliability,
)

from infraledger.extract.confidence import FEATURES, MODEL_PATH, Model, features  # noqa: E402

INTERCEPT_L2 = 0.01
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 100) -> tuple[float, np.ndarray]:
    """Intercept and coefficients of a penalised logistic regression (Newton-Raphson)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    penalty = np.eye(design.shape[1]) * l2
    # The intercept is shrunk only a little: enough to keep it finite when every example is positive
    # (dev-01..25 alone, read while the grammar was written, has no wrong event).
    penalty[0, 0] = INTERCEPT_L2
    w = np.zeros(design.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (y - p) - penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.max(np.abs(step)) < 1e-10:
            break
    return float(w[0]), w[1:]


def probabilities(intercept: float, coefficients: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(intercept + x @ coefficients)))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="rules")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the coefficients (default 1.0)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)

    pairs = dev_predictions(args.backend)
    facts = [f for f, _ in pairs]
    records = [r for _, r in pairs]
    y = np.array(matched(dev_gold(), records), dtype=float)
    x = np.array([[features(f)[name] for name in FEATURES] for f in facts])
    first = np.array([in_first_part(r["doc"]) for r in records])
    docs = len(dev_paths())
    print(f"{len(facts)} extracted deal events from {docs} documents, {int(y.sum())} matched by the scorer")

    evaluation: dict[str, float] = {}
    for name, train, test in (("dev-01..25 -> dev-26..65", first, ~first), ("dev-26..65 -> dev-01..25", ~first, first)):
        b0, b = fit(x[train], y[train], args.l2)
        p = probabilities(b0, b, x[test])
        base = np.full(test.sum(), y[train].mean())
        print(f"fit on {name}: log loss {log_loss(p, y[test]):.3f} (base rate alone {log_loss(base, y[test]):.3f}), "
              f"Brier {brier(p, y[test]):.3f} (base rate alone {brier(base, y[test]):.3f})")
        key = name.split(" -> ")[1].replace("..", "_").replace("-", "")
        evaluation[f"held_out_log_loss_{key}"] = round(log_loss(p, y[test]), 4)
        evaluation[f"held_out_brier_{key}"] = round(brier(p, y[test]), 4)

    # Five folds of whole documents (every fifth document in name order): each event is scored by a
    # model that saw none of its document's events.
    names = sorted({r["doc"] for r in records})
    fold = np.array([names.index(r["doc"]) % FOLDS for r in records])
    held_out = np.zeros(len(y))
    for k in range(FOLDS):
        b0, b = fit(x[fold != k], y[fold != k], args.l2)
        held_out[fold == k] = probabilities(b0, b, x[fold == k])
    base = np.array([y[fold != k].mean() for k in fold])
    print(f"{FOLDS}-fold cross-validation by document: log loss {log_loss(held_out, y):.3f} (base rate alone "
          f"{log_loss(base, y):.3f}), Brier {brier(held_out, y):.3f} (base rate alone {brier(base, y):.3f})")
    evaluation["cross_validated_log_loss"] = round(log_loss(held_out, y), 4)
    evaluation["cross_validated_brier"] = round(brier(held_out, y), 4)
    evaluation["base_rate_brier"] = round(brier(base, y), 4)
    for label, part in (("dev-01..25 (cross-validated)", first), ("dev-26..65 (cross-validated)", ~first)):
        print_reliability(label, [float(v) for v in held_out[part]], [bool(v) for v in y[part]])

    intercept, coefficients = fit(x, y, args.l2)
    p = probabilities(intercept, coefficients, x)
    evaluation["in_sample_log_loss"] = round(log_loss(p, y), 4)
    evaluation["in_sample_brier"] = round(brier(p, y), 4)
    print(f"fit on all: intercept {intercept:+.3f}")
    for name, value in zip(FEATURES, coefficients):
        print(f"  {name:30} {value:+.3f}")
    for label, part in (("dev-01..25 (in sample)", first), ("dev-26..65 (in sample)", ~first)):
        print_reliability(label, [float(v) for v in p[part]], [bool(v) for v in y[part]])

    model = Model(
        fitted=date.today(),
        method=(f"logistic regression, L2 penalty {args.l2:g} on the coefficients and {INTERCEPT_L2:g} on the intercept, "
                "Newton-Raphson; one example per deal event the extractor returns, positive when the "
                "official scorer matches it to a gold event; tools/fit_confidence.py"),
        training={"data": "../shared/eval/news-dev-gold.jsonl (news/dev-01..65)", "documents": docs,
                  "events": len(facts), "positives": int(y.sum())},
        intercept=round(intercept, 4),
        coefficients={name: round(float(v), 4) for name, v in zip(FEATURES, coefficients)},
        evaluation={k: v for k, v in evaluation.items() if math.isfinite(v)},
    )
    if not args.dry_run:
        args.out.write_text(json.dumps(model.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
