"""Every rule's and signal's TOML examples run as tests; the loader rejects broken rule files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tracker.nlp.temporal as temporal
from tracker.errors import RuleError
from tracker.nlp.temporal import tag
from tracker.nlp.temporal._loader import DATA_DIR, load_tables

from _temporal_canon import canonical, day

TABLES = load_tables()
EXAMPLES = [(r.id, ex) for r in TABLES.rules for ex in r.examples]
SIGNAL_EXAMPLES = [(s.id, ex) for s in TABLES.signals for ex in s.examples]


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_rule_example(rule_id: str, example: dict[str, str]) -> None:
    found = [t for t in tag(example["text"], day(example["anchor"])) if t.rule == rule_id]
    got = [(t.text, canonical(t)) for t in found]
    assert any(canonical(t) == example["expect"] for t in found), f"{rule_id}: {example} -> {got}"
    if "span" in example:
        assert example["span"] in [t.text for t in found]


@pytest.mark.parametrize(("signal_id", "example"), SIGNAL_EXAMPLES, ids=[f"{s}-{i}" for i, (s, _) in enumerate(SIGNAL_EXAMPLES)])
def test_signal_example(signal_id: str, example: dict[str, str]) -> None:
    got = [canonical(t) for t in tag(example["text"], day(example["anchor"]))]
    assert example["expect"] in got


def test_public_api_sorted_and_complete() -> None:
    assert temporal.__all__ == sorted(temporal.__all__)
    assert set(temporal.__all__) == {"Timex", "tag", "tag_dates"}
    assert temporal.tag_dates is temporal.tag


def test_rule_ids_unique_snake_case() -> None:
    ids = [r.id for r in TABLES.rules] + [s.id for s in TABLES.signals]
    assert len(ids) == len(set(ids))


# ------------------------------------------------------------------ loader validation

@pytest.fixture()
def lang_dir(tmp_path: Path) -> Path:
    target = tmp_path / "en"
    shutil.copytree(DATA_DIR / "en", target)
    return target


GOOD = '''
[[rule]]
id = "test_rule"
pattern = '(?P<m>{month_name}) test'
value = { op = "date", month = "$m" }
examples = [{ text = "May test", anchor = "2018-09-23", expect = "2018-05" }]
'''


def _append(lang_dir: Path, text: str) -> None:
    with (lang_dir / "rules.toml").open("a", encoding="utf-8") as fh:
        fh.write(text)


def test_loader_accepts_a_good_rule(lang_dir: Path) -> None:
    _append(lang_dir, GOOD)
    assert any(r.id == "test_rule" for r in load_tables(lang_dir).rules)


@pytest.mark.parametrize(("broken", "message"), [
    (GOOD.replace("test_rule", "date_month"), "duplicate id"),
    (GOOD.replace("{month_name}", "{no_such_class}"), "unknown class"),
    (GOOD.replace("test'", "test('"), "bad regex"),
    (GOOD.replace('examples = [{ text = "May test", anchor = "2018-09-23", expect = "2018-05" }]', ""), "example"),
    (GOOD.replace('(?P<m>{month_name}) test', '(?P<m>{month_name}) (?P<x>test)'), "never used"),
    (GOOD.replace('id = "test_rule"', 'id = "TestRule"'), "snake_case"),
    (GOOD.replace('op = "date"', 'op = "explode"'), "op"),
    (GOOD.replace(' test', ' Test'), "lower case"),
])
def test_loader_rejects(lang_dir: Path, broken: str, message: str) -> None:
    _append(lang_dir, broken)
    with pytest.raises(RuleError, match=message) as info:
        load_tables(lang_dir)
    assert info.value.file == "rules.toml"


def test_loader_rejects_duplicate_variant(lang_dir: Path) -> None:
    path = lang_dir / "lexicon" / "months.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"5" = ["may"]', '"5" = ["may", "may"]', 1), encoding="utf-8")
    with pytest.raises(RuleError, match="listed twice"):
        load_tables(lang_dir)
