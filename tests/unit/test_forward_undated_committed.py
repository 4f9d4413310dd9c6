"""Undated forward statements, `find_mentions(undated="committed")`: only a named actor's commitment."""
from __future__ import annotations

from datetime import date

from tracker.nlp.mentions import find_mentions

DCT = date(2010, 2, 1)


def _undated(text: str, mode: bool | str) -> list[tuple[str, str]]:
    return [(m.subject, m.predicate) for m in find_mentions(text, DCT, undated=mode) if m.forward and m.timex is None]


def test_a_named_actor_committing_to_an_act_is_kept() -> None:
    assert _undated("Toyota said it would recall 1.8 million cars across Europe.", "committed") == [("Toyota", "recall")]
    assert _undated("The Socialist Alliance will run two candidates as independents.", "committed")


def test_hedged_or_impersonal_statements_are_left_out() -> None:
    for text in ("The storm could intensify further.", "Analysts said prices may rise.",
                 "Some of the aircraft will be replaced by the new models."):
        assert _undated(text, "committed") == [], text
    assert _undated("The storm could intensify further.", True)      # the plain mode keeps it


def test_by_default_no_undated_statement_is_forward() -> None:
    assert _undated("Toyota said it would recall 1.8 million cars across Europe.", False) == []
