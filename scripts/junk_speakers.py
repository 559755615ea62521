"""Share of quotes whose speaker is junk: an unresolved pronoun, a relative word or a
determiner left as the speaker's name. Reads byline's JSONL output (plain or gzip).

    python3 scripts/junk_speakers.py OUT.jsonl [--top 20]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json

PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
            "his", "hers", "its", "our", "their", "my", "your", "mine", "ours", "theirs", "yours",
            "himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"}
RELATIVES = {"who", "whom", "whose", "which", "that", "what"}
DETERMINERS = {"a", "an", "the", "this", "these", "any", "each", "every"}
# Indefinite pronouns are anonymous sources ("some said", "others argued"): not junk,
# counted apart.
INDEFINITE = {"some", "one", "those", "many", "others", "several", "another", "both", "few", "most"}


def kind(text: str) -> str | None:
    word = text.strip().lower()
    if word in PRONOUNS:
        return "pronoun"
    if word in RELATIVES:
        return "relative"
    if word in DETERMINERS:
        return "determiner"
    if word in INDEFINITE:
        return "indefinite"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    opener = gzip.open if args.output.endswith(".gz") else open
    quotes = 0
    junk: collections.Counter = collections.Counter()
    words: collections.Counter = collections.Counter()
    with opener(args.output, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for q in record.get("quotes", []):
                quotes += 1
                speaker = q.get("speaker")
                if speaker is None or speaker.get("cluster") is not None:
                    continue
                k = kind(speaker["name"])
                if k is not None:
                    junk[k] += 1
                    if k != "indefinite":
                        words[speaker["name"]] += 1
    total = sum(n for k, n in junk.items() if k != "indefinite")
    print(f"quotes: {quotes}; junk speakers: {total} ({100 * total / max(quotes, 1):.2f} %)")
    for k in ("pronoun", "relative", "determiner", "indefinite"):
        print(f"  {k:<10} {junk[k]:>7} ({100 * junk[k] / max(quotes, 1):.2f} %)")
    print("(indefinite: anonymous sources, not counted as junk)")
    print("most frequent junk:", ", ".join(f"{w} {n}" for w, n in words.most_common(args.top)))


if __name__ == "__main__":
    main()
