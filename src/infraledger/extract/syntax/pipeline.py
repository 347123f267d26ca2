"""The shipped spaCy pipeline (tagger, lemmatiser, dependency parser trained on UD English EWT).

Extraction needs only the parse (and the tags it is read with), so the lemmatiser is left out when
the pipeline is loaded: trigger words are known by their generated inflections instead, which is
faster and exact for the closed set of deal verbs. The pipeline is loaded once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from ...errors import InfraledgerError

#: Where the trained pipeline lives inside the package (written by ``training/parser/train.sh``).
PIPELINE_DIR = "ewt-pipeline"


def pipeline_path() -> Path:
    return Path(str(resources.files("infraledger").joinpath("data", PIPELINE_DIR)))


@functools.cache
def nlp():
    """The loaded pipeline (tokeniser, tagger, parser)."""
    path = pipeline_path()
    if not (path / "meta.json").is_file():
        raise InfraledgerError(f"the parsing pipeline is missing from {path}; reinstall infraledger")
    import spacy  # deferred: loading spaCy costs a second, and only extraction needs it

    pipeline = spacy.load(path, exclude=["trainable_lemmatizer"])
    _multiply_with_numpy(pipeline)
    return pipeline


def _multiply_with_numpy(pipeline) -> None:
    """Let the networks multiply their matrices with numpy's BLAS, on one thread.

    thinc multiplies with BLIS by default, which picks its kernels by the CPU's model name and, on a
    model it does not know (a virtual machine's, say), falls back to its portable reference kernel;
    numpy's OpenBLAS picks its kernels by the CPU's features. On the 1,288 sentences of the
    extraction benchmark the parses are the same, in about a fifth less time. The matrices are small
    (a batch of sentences' tokens by 64 or 192), so a second BLAS thread only waits on the first: it
    doubled the CPU time the parse took, and :func:`parse_many` parses with one (see :func:`_one_thread`).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops


def parse(text: str):
    """A spaCy ``Doc`` of one sentence."""
    return parse_many([text])[0]


def _one_sentence(doc):
    """``doc`` marked as one sentence: the text was split into sentences already, so the parser is
    not let to split it again (it would part a sentence at a word it misreads, into two trees)."""
    import numpy
    from spacy.attrs import SENT_START

    if len(doc) > 1:
        # -1 (not a sentence's start) as the unsigned values from_array takes; 1 for the first word
        starts = numpy.full((len(doc), 1), numpy.iinfo(numpy.uint64).max, dtype="uint64")
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts)
    return doc


def parse_many(texts: list[str]) -> list:
    """spaCy ``Doc`` objects of many sentences, parsed in batches.

    The components are run one after another on the tokenised sentences, as ``Language.pipe`` runs
    them, without its bookkeeping for options not used here (about half a millisecond a call, which
    is much of the cost of parsing the few sentences of one short document).
    """
    if not texts:
        return []
    pipeline = nlp()
    docs = (_one_sentence(pipeline.make_doc(text)) for text in texts)
    for _, component in pipeline.pipeline:
        docs = component.pipe(docs, batch_size=64)
    with _one_thread():
        return list(docs)


def _one_thread():
    """A context in which numpy's BLAS runs on one thread (the process's setting is restored after)."""
    return _blas().limit(limits=1, user_api="blas")


@functools.cache
def _blas():
    from threadpoolctl import ThreadpoolController  # finding the loaded BLAS libraries once: 0.3 ms

    return ThreadpoolController()
