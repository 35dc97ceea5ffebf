"""Extraction quality on the real corpus: `make quality` (python -m tests.quality).

Runs `python -m etl extract --json` over every article of tests/corpus/articles,
scores each against its hand-made gold file (written by
shared/acceptance/ANNOTATION.md before the extractor saw the article) and
prints, per language and split, precision, recall and F1 per category, the
worst misses of the dev split, and last one JSON line with every figure.

Misses are printed for dev only: the test split says whether a change
generalizes, and reading its misses would turn it into a second dev split.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"
ARTICLES = CORPUS / "articles"
SPLIT_FILE = CORPUS / "split.json"
FLOOR_FILE = CORPUS / "floor.json"
LANGUAGES = ("en", "zh")
SPLITS = ("dev", "test")
PRF_CATEGORIES = ("provinces", "province_sectors", "targets", "experts", "statements")
RATIO_CATEGORIES = ("expert_org", "speaker", "metadata")
METADATA_FIELDS = ("outlet", "published_on", "dateline_city", "reporter")


# --- the split -------------------------------------------------------------


def hash_rank(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def choose_test_split(names: Iterable[str]) -> list[str]:
    """A quarter of each language (rounded up), the lowest SHA-256 of the file name."""
    test: list[str] = []
    for language in LANGUAGES:
        ranked = sorted((n for n in names if n.startswith(f"{language}_")), key=hash_rank)
        test += ranked[: math.ceil(len(ranked) / 4)]
    return sorted(test)


def split_of(name: str, frozen_test: set[str], frozen_all: set[str]) -> str:
    """Frozen membership for the articles that were there when the split was made;
    an article added later goes to test when its hash is 0 modulo 4."""
    if name in frozen_all:
        return "test" if name in frozen_test else "dev"
    return "test" if int(hash_rank(name), 16) % 4 == 0 else "dev"


def load_split() -> tuple[set[str], set[str]]:
    frozen = json.loads(SPLIT_FILE.read_text())
    return set(frozen["test"]), set(frozen["test"]) | set(frozen["dev"])


# --- normalization ---------------------------------------------------------

_QUOTES = re.compile(r"[\"“”‘’'「」『』《》]")
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACE_BY_HAN = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


def fold(text: str | None) -> str:
    if text is None:
        return ""
    text = _QUOTES.sub("", text.lower()).replace("-", " ")
    text = _SPACE.sub(" ", text).strip(" ,.;:，。；：")
    # Chinese has no spaces between words; a scraped line break is not a word gap.
    return _SPACE_BY_HAN.sub("", text)


def contains_words(longer: str, shorter: str) -> bool:
    if not shorter:
        return False
    if _HAN.search(shorter):
        return shorter in longer
    return re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def lenient_equal(a: str | None, b: str | None) -> bool:
    """Equal after folding, or one holds the other as whole words."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return fa == fb
    return fa == fb or contains_words(fa, fb) or contains_words(fb, fa)


# --- scores ----------------------------------------------------------------


@dataclass
class Counts:
    """Precision counts found vs. correct; recall counts wanted vs. recovered."""

    found: int = 0
    correct: int = 0
    wanted: int = 0
    recovered: int = 0
    missing: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.found += other.found
        self.correct += other.correct
        self.wanted += other.wanted
        self.recovered += other.recovered
        self.missing += other.missing
        self.spurious += other.spurious

    def figures(self) -> dict[str, float]:
        p = self.correct / self.found if self.found else 1.0
        r = self.recovered / self.wanted if self.wanted else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)}


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Ratio) -> None:
        self.hits += other.hits
        self.total += other.total
        self.misses += other.misses

    def value(self) -> float | None:
        """None when nothing was there to judge (no expert found, no statement found)."""
        return round(self.hits / self.total, 3) if self.total else None


def match_one_to_one(
    wanted: Sequence[Any], found: Sequence[Any], rules: Sequence[Callable[[Any, Any], bool]]
) -> dict[int, int]:
    """Pairs of (wanted index → found index), each rule tried over what is left, strictest first."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for rule in rules:
        for w, want in enumerate(wanted):
            if w in pairs:
                continue
            for f, got in enumerate(found):
                if f not in used and rule(want, got):
                    pairs[w] = f
                    used.add(f)
                    break
    return pairs


def counts_from_pairs(
    wanted: Sequence[Any], found: Sequence[Any], pairs: dict[int, int], label: Callable[[Any], str]
) -> Counts:
    used = set(pairs.values())
    return Counts(
        found=len(found),
        correct=len(used),
        wanted=len(wanted),
        recovered=len(pairs),
        missing=[label(w) for i, w in enumerate(wanted) if i not in pairs],
        spurious=[label(f) for i, f in enumerate(found) if i not in used],
    )


def score_provinces(gold: dict[str, Any], got: dict[str, Any]) -> Counts:
    wanted, found = sorted(set(gold["provinces"])), sorted(set(got["provinces"]))
    pairs = match_one_to_one(wanted, found, [lambda a, b: a == b])
    return counts_from_pairs(wanted, found, pairs, str)


def _sector_rules(slug_of: Callable[[str], str | None]) -> list[Callable[[Any, Any], bool]]:
    def same_words(want: Any, got: Any) -> bool:
        return bool(want[0] == got[0] and fold(want[1]) == fold(got[1]))

    def overlapping_words(want: Any, got: Any) -> bool:
        return bool(want[0] == got[0] and lenient_equal(want[1], got[1]))

    def same_sector(want: Any, got: Any) -> bool:
        slug = slug_of(want[1])
        return bool(want[0] == got[0] and slug is not None and slug == got[2])

    return [same_words, overlapping_words, same_sector]


def score_province_sectors(
    gold: dict[str, Any], got: dict[str, Any], slug_of: Callable[[str], str | None]
) -> Counts:
    wanted = [(p, w) for p, w in gold["province_sectors"]]
    found: list[tuple[str, str, str | None]] = []
    seen: set[tuple[str, str]] = set()
    for pair in got["province_sectors"]:
        province, words, slug = pair[0], pair[1], pair[2] if len(pair) > 2 else None
        if (province, fold(words)) not in seen:
            seen.add((province, fold(words)))
            found.append((province, words, slug))
    pairs = match_one_to_one(wanted, found, _sector_rules(slug_of))
    return counts_from_pairs(wanted, found, pairs, lambda x: f"{x[0]} → {x[1]}")


def score_targets(gold: dict[str, Any], got: dict[str, Any]) -> Counts:
    wanted = gold["quantitative_targets"]
    found = got["quantitative_targets"]

    def same(want: Any, got_target: Any) -> bool:
        return bool(
            want["province"] == got_target["province"]
            and math.isclose(float(want["quantity"]), float(got_target["quantity"]), rel_tol=1e-9)
        )

    pairs = match_one_to_one(wanted, found, [same])
    return counts_from_pairs(
        wanted, found, pairs, lambda t: f"{t['province']}: {t['quantity']:g} ({t['words']})"
    )


def _names(expert: dict[str, Any]) -> set[str]:
    names = {expert["name"], *expert.get("aliases_in_text", []), *expert.get("aliases", [])}
    return {fold(n) for n in names if n}


def score_experts(
    gold: dict[str, Any], got: dict[str, Any]
) -> tuple[Counts, Ratio, dict[int, int]]:
    wanted, found = gold["experts"], got["experts"]
    pairs = match_one_to_one(
        wanted,
        found,
        [lambda a, b: fold(a["name"]) == fold(b["name"]), lambda a, b: bool(_names(a) & _names(b))],
    )
    counts = counts_from_pairs(wanted, found, pairs, lambda e: e["name"])
    organizations = Ratio()
    for w, f in pairs.items():
        expected = wanted[w].get("organization")
        if expected:
            organizations.total += 1
            actual = found[f].get("organization")
            if lenient_equal(expected, actual):
                organizations.hits += 1
            else:
                organizations.misses.append(f"{wanted[w]['name']}: {expected!r} ≠ {actual!r}")
    return counts, organizations, pairs


_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])\s*")


def opening_found(opening: str, text: str) -> bool:
    """The gold's opening words start the statement, or one of its sentences."""
    opening, text = fold(opening), fold(text)
    if not opening:
        return False
    at = text.find(opening)
    while at != -1:
        # Near the start ("that", a quote mark, a lead-in), or right after a sentence end.
        if at <= 12 or _SENTENCE_BREAK.match(text, at) or text[at - 1] in ".!?。！？":
            return True
        if re.search(r"[.!?。！？]\s*$", text[:at]):
            return True
        at = text.find(opening, at + 1)
    return False


def score_statements(
    gold: dict[str, Any], got: dict[str, Any], expert_pairs: dict[int, int]
) -> tuple[Counts, Ratio]:
    wanted, found = gold["statements"], got["statements"]
    names_of = {fold(e["name"]): _names(e) for e in gold["experts"]}
    matched_found: set[int] = set()
    counts, speakers = Counts(found=len(found), wanted=len(wanted)), Ratio()
    for statement in wanted:
        hit = next(
            (i for i, s in enumerate(found) if opening_found(statement["starts_with"], s["text"])),
            None,
        )
        if hit is None:
            counts.missing.append(f"{statement['speaker']}: {statement['starts_with']}")
            continue
        counts.recovered += 1
        matched_found.add(hit)
        speakers.total += 1
        names = names_of.get(fold(statement["speaker"]), {fold(statement["speaker"])})
        if fold(found[hit].get("speaker")) in names:
            speakers.hits += 1
        else:
            speakers.misses.append(
                f"{statement['starts_with']!r}: {statement['speaker']} ≠ {found[hit].get('speaker')}"
            )
    counts.correct = len(matched_found)
    counts.spurious = [
        f"{s.get('speaker')}: {s['text'][:60]}"
        for i, s in enumerate(found)
        if i not in matched_found
    ]
    return counts, speakers


_PERSON_SPLIT = re.compile(r"\s*(?:,|;|、|，|\band\b|和|/)\s*")


def same_metadata(field_name: str, expected: Any, actual: Any) -> bool:
    if field_name == "reporter":
        people = lambda v: {fold(p) for p in _PERSON_SPLIT.split(v or "") if p.strip()}  # noqa: E731
        return people(expected) == people(actual)
    return fold(str(expected) if expected else None) == fold(str(actual) if actual else None)


def score_metadata(gold: dict[str, Any], got: dict[str, Any]) -> tuple[Counts, dict[str, bool]]:
    """Counted like facts: a null in the gold wants nothing, a null extracted finds nothing."""
    counts, per_field = Counts(), {}
    for name in METADATA_FIELDS:
        expected, actual = gold["article"].get(name), got["article"].get(name)
        right = same_metadata(name, expected, actual)
        per_field[name] = right
        if expected:
            counts.wanted += 1
            counts.recovered += right
            if not right:
                counts.missing.append(f"{name}: {expected!r} (got {actual!r})")
        if actual:
            counts.found += 1
            counts.correct += right
            if not right and not expected:
                counts.spurious.append(f"{name}: {actual!r}")
    return counts, per_field


@dataclass
class ArticleScore:
    name: str
    language: str
    split: str
    prf: dict[str, Counts]
    ratios: dict[str, Ratio]
    fields: dict[str, bool]

    def missed(self) -> int:
        return sum(c.wanted - c.recovered + c.found - c.correct for c in self.prf.values())


def score_article(
    name: str,
    split: str,
    gold: dict[str, Any],
    got: dict[str, Any],
    slug_of: Callable[[str], str | None],
) -> ArticleScore:
    experts, organizations, expert_pairs = score_experts(gold, got)
    statements, speakers = score_statements(gold, got, expert_pairs)
    metadata, fields = score_metadata(gold, got)
    return ArticleScore(
        name=name,
        language=gold["article"].get("language") or name[:2],
        split=split,
        prf={
            "provinces": score_provinces(gold, got),
            "province_sectors": score_province_sectors(gold, got, slug_of),
            "targets": score_targets(gold, got),
            "experts": experts,
            "statements": statements,
            "metadata": metadata,
        },
        ratios={"expert_org": organizations, "speaker": speakers},
        fields=fields,
    )


def summarize(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for language in LANGUAGES:
        figures[language] = {}
        for split in SPLITS:
            group = [s for s in scores if s.language == language and s.split == split]
            prf = {c: Counts() for c in (*PRF_CATEGORIES, "metadata")}
            ratios = {c: Ratio() for c in ("expert_org", "speaker")}
            for score in group:
                for c, counts in score.prf.items():
                    prf[c].add(counts)
                for c, ratio in score.ratios.items():
                    ratios[c].add(ratio)
            entry: dict[str, Any] = {c: prf[c].figures() for c in PRF_CATEGORIES}
            entry |= {c: r.value() for c, r in ratios.items()}
            entry["metadata"] = prf["metadata"].figures()["f1"]
            entry["articles"] = len(group)
            figures[language][split] = entry
    return figures


# --- running ---------------------------------------------------------------


def extract(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """What `python -m etl extract --json` prints, one JSON object per file."""
    process = subprocess.run(
        [sys.executable, "-m", "etl", "extract", "--json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    results = {}
    for line in process.stdout.splitlines():
        result = json.loads(line)
        results[Path(result["path"]).name] = result
    missing = [p.name for p in paths if p.name not in results]
    if missing:
        raise RuntimeError(f"extract gave nothing for {missing}: {process.stderr.strip()}")
    return results


def default_slug_of() -> Callable[[str], str | None]:
    from etl.extract.gazetteer import default_gazetteer

    sectors = default_gazetteer().sectors

    def slug_of(words: str) -> str | None:
        matches = sectors.find(words)
        if len(matches) == 1 and matches[0].end - matches[0].start == len(words.strip()):
            return matches[0].key
        return None

    return slug_of


def corpus_files() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


def run_corpus() -> list[ArticleScore]:
    files = corpus_files()
    frozen_test, frozen_all = load_split()
    extracted = extract(files)
    slug_of = default_slug_of()
    scores = []
    for path in files:
        gold = json.loads(path.with_suffix(".gold.json").read_text())
        split = split_of(path.name, frozen_test, frozen_all)
        scores.append(score_article(path.name, split, gold, extracted[path.name], slug_of))
    return scores


def format_table(figures: dict[str, Any]) -> str:
    lines = [
        "| lang | split | n | provinces | province→sector | targets | experts | statements | expert org | speaker | metadata |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for language, splits in figures.items():
        for split, f in splits.items():
            cells = [
                f"{f[c]['p']:.2f}/{f[c]['r']:.2f}/**{f[c]['f1']:.2f}**" for c in PRF_CATEGORIES
            ]
            cells += ["–" if f[c] is None else f"{f[c]:.2f}" for c in RATIO_CATEGORIES]
            lines.append(f"| {language} | {split} | {f['articles']} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Cells of the five fact categories are precision/recall/**F1**.")
    return "\n".join(lines)


def format_field_accuracy(scores: Sequence[ArticleScore]) -> str:
    lines = ["metadata fields right (dev and test):"]
    for language in LANGUAGES:
        group = [s for s in scores if s.language == language]
        cells = [f"{n} {sum(s.fields[n] for s in group)}/{len(group)}" for n in METADATA_FIELDS]
        lines.append(f"  {language}: " + ", ".join(cells))
    return "\n".join(lines)


def format_misses(scores: Sequence[ArticleScore], most: int = 10) -> str:
    dev = sorted((s for s in scores if s.split == "dev"), key=lambda s: -s.missed())[:most]
    lines = [f"worst {len(dev)} dev articles (missing − / spurious +):"]
    for score in dev:
        lines.append(f"  {score.name} ({score.missed()})")
        for category, counts in score.prf.items():
            for item in counts.missing[:4]:
                lines.append(f"      − {category}: {item}")
            for item in counts.spurious[:3]:
                lines.append(f"      + {category}: {item}")
        for category, ratio in score.ratios.items():
            for item in ratio.misses[:2]:
                lines.append(f"      ≠ {category}: {item}")
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    if "--choose-split" in argv:
        names = [p.name for p in corpus_files()]
        test = choose_test_split(names)
        SPLIT_FILE.write_text(
            json.dumps({"test": test, "dev": sorted(set(names) - set(test))}, indent=2) + "\n"
        )
        print(f"{len(test)} of {len(names)} articles in test")
        return 0
    scores = run_corpus()
    figures = summarize(scores)
    if "--write-floor" in argv:
        FLOOR_FILE.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(format_table(figures))
    print()
    print(format_field_accuracy(scores))
    print()
    print(format_misses(scores))
    print()
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
