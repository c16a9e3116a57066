"""Writes the text Watchfloor embeds for each article of JSON Lines files (its title, then its
first 180 words: resolve/Embedder.lead), one JSON string a line.

usage: python3 leads.py OUT.jsonl ARTICLES.jsonl...
"""
import json
import sys

LEAD_WORDS = 180


def lead(article):
    title = (article.get("title") or "").strip()
    words = (article.get("text") or "").split()[:LEAD_WORDS]
    head = title + ".\n" if title else ""
    return (head + " ".join(words)).strip()


def main():
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        out.write(json.dumps(lead(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
