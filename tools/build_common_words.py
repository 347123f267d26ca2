"""Build ``lexicon/common_words.txt``: English words written in lower case in running text.

A capitalised word that opens a sentence is a name when its lower-case form is not an ordinary
English word ("Marlow pays ..." vs "Customers pay ..."). The list is the lower-case word forms of
the Universal Dependencies English Web Treebank (UD_English-EWT, CC BY-SA 4.0) training split that
occur at least twice and are never tagged as proper nouns there.

    python tools/build_common_words.py [../shared/data/ud-english-ewt/en_ewt-ud-train.conllu]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-train.conllu"
OUT = ROOT / "src" / "infraledger" / "lexicon" / "common_words.txt"


def main(path: Path = DEFAULT) -> None:
    lower: Counter[str] = Counter()
    proper: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue
            form, upos = cols[1], cols[3]
            if upos == "PROPN":
                proper.add(form.lower())
            elif form.isalpha() and form.islower():
                lower[form] += 1
    words = sorted(w for w, n in lower.items() if n >= 2 and w not in proper and len(w) > 1)
    header = ("# Lower-case English words of running text (UD_English-EWT training split, CC BY-SA 4.0),\n"
              "# built by tools/build_common_words.py; one word a line.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
