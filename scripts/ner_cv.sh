#!/usr/bin/env bash
# Cross-validation of the entity tagger on its training data (no dev data read):
# N folds of CoNLL-2003 train + GUM train (commercial genres), each fold's documents held
# out of one model. Prints per fold the tagger's held-out F1 on CoNLL and on GUM documents
# (gold tokens), then their means, then the end-to-end GUM names and pronoun figures
# (`eval_gum.py score`) of byline run on every held-out GUM document with the model that
# did not see it (BYLINE_NER_MODEL).
#
#   bash scripts/ner_cv.sh [FOLDS] [WORKDIR]      # defaults: 5, target/ner-cv
#
# Extra `byline train ner` options can be given in NER_CV_TRAIN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
folds=${1:-5}
work=${2:-target/ner-cv}
shared=../shared
byline=target/release/byline
cargo build --release --locked -q -p byline-cli
rm -rf "$work"
mkdir -p "$work/gold"
python3 "$shared/eval/eval_gum.py" input "$shared/data/gum/train" "$work/gum_train.jsonl" >/dev/null
: >"$work/system.jsonl"
conll_sum=0
gum_sum=0
for ((k = 0; k < folds; k++)); do
    # shellcheck disable=SC2086
    "$byline" train ner --train "$shared/data/ner/conll2003/eng.train" --gum "$shared/data/gum/train" \
        --holdout "$folds" --fold "$k" -o "$work/model$k.bin" ${NER_CV_TRAIN_ARGS:-} 2>"$work/train$k.log"
    scores=$(grep "held-out CoNLL documents" "$work/train$k.log")
    conll=$(sed -E 's/.*CoNLL documents ([0-9.]+).*/\1/' <<<"$scores")
    gum=$(sed -E 's/.*GUM documents ([0-9.]+).*/\1/' <<<"$scores")
    echo "fold $k: held-out CoNLL F1 $conll, held-out GUM F1 $gum (tagger, gold tokens)"
    conll_sum=$(python3 -c "print($conll_sum + $conll)")
    gum_sum=$(python3 -c "print($gum_sum + $gum)")
    ids=$(sed -n 's/^held-out GUM documents: //p' "$work/train$k.log")
    python3 - "$ids" "$work/gum_train.jsonl" "$work/input$k.jsonl" <<'PY'
import json, sys
ids = set(sys.argv[1].split())
with open(sys.argv[2], encoding="utf-8") as src, open(sys.argv[3], "w", encoding="utf-8") as out:
    for line in src:
        if json.loads(line)["id"] in ids:
            out.write(line)
PY
    for id in $ids; do
        ln -s "$(cd "$shared/data/gum/train" && pwd)/$id.conllu" "$work/gold/"
    done
    BYLINE_NER_MODEL="$work/model$k.bin" "$byline" extract "$work/input$k.jsonl" >>"$work/system.jsonl" 2>/dev/null
done
python3 -c "print(f'mean held-out F1: CoNLL {$conll_sum / $folds:.2f}, GUM {$gum_sum / $folds:.2f} (tagger, gold tokens)')"
python3 "$shared/eval/eval_gum.py" score "$work/gold" "$work/system.jsonl" | sed -n 1,16p
