"""Paraphrase groups (WordNet-derived `paraphrases.toml` + `paraphrase_idioms.toml`): an unknown predicate
takes its group as its class, so a report worded differently from its claim can settle it. Precision first:
antonyms, near misses and general verbs must stay apart."""
from __future__ import annotations

import tomllib

import pytest

from tracker.errors import RuleError
from tracker.nlp._words import phrasal, tokenize, verb_form
from tracker.timeline import _lexicon
from tracker.timeline._lexicon import lexicon, paraphrases, predicate_class


@pytest.mark.parametrize(("claim", "report"), [
    ("ship", "send"),              # "promised to ship 2 million doses" / "sent its first consignment"
    ("shipped", "sent"),           # inflected: an undoubled stem, an irregular form
    ("decline", "reject"),         # "declined to authorise" / "rejected"
    ("turn down", "refuse"),
    ("reply", "respond"),
    ("detonate", "explode"),
    ("repeal", "rescind"),
    ("assess", "evaluate"),
    ("organise", "organize"),      # British spelling beside the American one
    ("penalise", "penalize"),
    ("propose", "offer"),          # hand-written idiom group
])
def test_paraphrases_share_a_class(claim, report):
    assert predicate_class(claim) == predicate_class(report)
    assert predicate_class(claim) not in (claim, report) or claim in paraphrases() or report in paraphrases()


@pytest.mark.parametrize(("noun", "cls"), [
    ("approval", "pass"),          # noun -> its verb's class through WordNet's derivation link
    ("presentation", "release"),
    ("clearance", "pass"),         # hand-written idiom
    ("green light", "pass"),
    ("rejection", "refuse"),       # noun -> its verb's group
    ("shipping", "send"),
])
def test_event_nouns_take_their_verbs_class(noun, cls):
    assert predicate_class(noun) == cls


@pytest.mark.parametrize(("a", "b"), [
    ("approve", "reject"),
    ("open", "close"),
    ("sign", "resign"),
    ("launch", "land"),
    ("approval", "rejection"),
    ("ship", "receive"),
    ("send", "deliver"),
    ("publish", "withdraw"),
    ("reject", "approve"),
    ("explode", "implode"),
    ("offer", "accept"),
])
def test_different_events_stay_apart(a, b):
    assert predicate_class(a) != predicate_class(b)


@pytest.mark.parametrize("verb", ["go", "get", "make", "take", "give", "have", "do", "be", "set", "put", "run",
                                  "come", "keep", "say", "expect", "plan"])
def test_general_and_framing_verbs_are_in_no_group(verb):
    assert verb not in paraphrases()


def test_hand_made_classes_win_and_are_not_regrouped():
    """A verb of predicates.toml keeps its class: the generated groups never list it."""
    table = lexicon().by_lemma
    assert not set(paraphrases()) & set(table)
    assert predicate_class("finish") == "close"
    assert predicate_class("investigate") == "report"


def test_extension_is_no_deployment():
    """Nouns never join a class named after one domain's event ("extension" of a deadline)."""
    assert predicate_class("extension") != "deploy"


def test_unknown_words_stay_their_own_class():
    assert predicate_class("apologize") == "apologize"
    assert predicate_class("zorbify") == "zorbify"


def test_a_word_in_two_groups_is_a_rule_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.toml"
    bad.write_text('[groups]\nsend = ["ship"]\nconvey = ["ship"]\n', encoding="utf-8")
    monkeypatch.setattr(_lexicon, "PARAPHRASES", (bad,))
    _lexicon.paraphrases.cache_clear()
    try:
        with pytest.raises(RuleError):
            _lexicon.paraphrases()
    finally:
        monkeypatch.undo()
        _lexicon.paraphrases.cache_clear()


def test_generated_table_is_well_formed():
    raw = tomllib.loads(_lexicon.PARAPHRASES[0].read_text(encoding="utf-8"))
    assert len(raw["groups"]) > 100 and len(raw["nouns"]) > 30
    assert all(2 <= len(words) + 1 <= 6 * 2 for words in raw["groups"].values())   # British spellings double


def test_british_apologise_is_one_verb_with_apologize():
    assert verb_form("apologised") == ("apologize", "past")
    assert verb_form("apologise") == ("apologize", "base")


def test_green_light_is_an_approval():
    toks = tokenize("Brussels gave the green light on Friday")
    assert phrasal(toks, 1, "give")[0] == "approve"
    toks = tokenize("Brussels gave the light blue file on Friday")
    assert phrasal(toks, 1, "give")[0] == "give"


@pytest.mark.parametrize(("word", "base"), [
    ("tabled", "table"), ("bundled", "bundle"),          # a stem that needs its final e back
    ("pencilled", "pencil"), ("labelled", "label"),      # British double l
    ("called", "call"), ("stalled", "stall"), ("scrubbed", "scrub"), ("hedged", "hedge"),   # negatives: unchanged
])
def test_unknown_past_forms_after_an_auxiliary(word, base):
    from tracker.nlp._words import guess_form
    assert guess_form(word) == (base, "past")


@pytest.mark.parametrize(("sentence", "predicate"), [
    ("Hollowmere will go on sale on Thursday, Oct. 23.", "release"),     # three-word phrasal verb
    ("Rescue teams broke through to five coal miners on Tuesday.", "reach"),
])
def test_phrasal_verbs(sentence, predicate):
    from datetime import date

    from tracker.nlp import find_mentions
    assert predicate in [m.predicate for m in find_mentions(sentence, date(2025, 10, 20))]


def test_go_on_alone_is_not_a_sale():
    toks = tokenize("The strike will go on until Friday")
    assert phrasal(toks, 3, "go")[0] == "go on"


def test_receive_an_approval_is_no_meeting():
    """A light phrase wins over the verb-of-a-person fold: "receive SEBI's approval" is an approval."""
    toks = tokenize("The company expects to receive SEBI's approval by the end of September")
    assert phrasal(toks, 4, "receive")[0] == "approve"
    toks = tokenize("He will also receive Brazilian President Ricardo Alves on Friday")
    assert phrasal(toks, 3, "receive")[0] == "meet"


@pytest.mark.parametrize(("word", "found"), [
    ("finalised", ("finalize", "past")), ("organising", ("organize", "ing")), ("apologises", ("apologize", "3sg")),
    ("promised", ("promise", "past")), ("raised", ("raise", "past")),   # negatives: -ise verbs of their own
    ("rising", ("rise", "ing")), ("surprised", None),
])
def test_british_ise_spellings_are_the_ize_verb(word, found):
    assert verb_form(word) == found


def test_authorise_is_an_approval():
    """'declined to authorise the children's version' is the pass class of 'if Health Canada approves it'."""
    assert predicate_class("authorize") == predicate_class("authorise") == predicate_class("approve") == "pass"


@pytest.mark.parametrize(("word", "suffix", "base"), [
    ("shipped", "ed", "ship"), ("scrubbed", "ed", "scrub"), ("shipping", "ing", "ship"),
    ("called", "ed", None), ("passed", "ed", None), ("stalled", "ed", None), ("opened", "ed", None),
])
def test_undoubled_is_the_one_rule_of_finder_and_paraphrases(word: str, suffix: str, base: str | None) -> None:
    from tracker.nlp._words import guess_form, undoubled

    assert undoubled(word, suffix) == base
    if suffix == "ing":  # the finder's guess keeps "-ing" stems as they are (unchanged behaviour)
        assert guess_form(word) == (word[:-3], "ing")
