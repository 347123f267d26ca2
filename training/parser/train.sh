#!/usr/bin/env bash
# Train the tagger, lemmatiser and dependency parser that extraction reads sentences with, from the
# Universal Dependencies English Web Treebank (UD_English-EWT, CC BY-SA 4.0), and install the result
# as package data. The treebank is read from the shared folder and never copied into the project.
#
#   training/parser/train.sh [TREEBANK_DIR] [MAX_STEPS] [CONFIG] [DEST]
#
# Takes about 110 steps a minute on one core; the shipped pipeline was trained with the default budget.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ewt="${1:-$root/../shared/data/ud-english-ewt}"
steps="${2:-5000}"
config="${3:-$here/config.cfg}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for split in train dev test; do
  python -m spacy convert "$ewt/en_ewt-ud-$split.conllu" "$work" --converter conllu --n-sents 10 >/dev/null
done
python -m spacy train "$config" --output "$work/out" \
  --paths.train "$work/en_ewt-ud-train.spacy" --paths.dev "$work/en_ewt-ud-dev.spacy" \
  --training.max_steps "$steps"
dest="${4:-$root/src/infraledger/data/ewt-pipeline}"
scores="${dest%/}.test-scores.json"
[ -n "${4:-}" ] || scores="$here/test-scores.json"
python -m spacy evaluate "$work/out/model-best" "$work/en_ewt-ud-test.spacy" --output "$scores"

rm -rf "$dest"
cp -r "$work/out/model-best" "$dest"
echo "installed $(du -sh "$dest" | cut -f1) pipeline at $dest; test-split scores in $scores"
