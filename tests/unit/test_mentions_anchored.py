"""Forward claims tracker used to miss (issue 4): times anchored on another event of the same article
('at the same time', 'within 30 days of launch', 'before launch'), promises of a thing with a deadline,
a yearless month edge after 'will', and 'no new date' as a postponement. Each row has negatives:
sentences that must not become claims (past reports, hedges, quoted old promises, connectives)."""
from datetime import date

import pytest

from tracker.nlp.mentions import find_mentions

DCT = date(2025, 9, 16)
TERMINAL = "Terminal 3 will open to passengers on Sunday, March 29, the operator ANA said on Tuesday. "
RELEASED = "Hollowmere was released on Thursday, Sept. 11, on PC and consoles. "


def _forward(text: str, dct: date = DCT) -> list[tuple[str, str, str | None, str]]:
    return [(m.predicate, m.modality, m.deadline.isoformat() if m.deadline else None, m.anchor)
            for m in find_mentions(text, dct) if m.forward]


@pytest.mark.parametrize("text, predicate, modality, deadline, anchored_on", [
    # the anchor's own time
    (TERMINAL + "The Metro's red line extension will open at the same time, its chief executive said.",
     "open", "scheduled", "2026-03-29", "Terminal 3 to open"),
    (TERMINAL + "A rail shuttle will run at the same time as the terminal.", "run", "scheduled", "2026-03-29",
     "terminal = Terminal 3 to open"),
    ("The museum will reopen next spring, its director said. If the money is approved, a rooftop restaurant "
     "will open together with the museum, she said.", "open", "conditional", "2026-06-20", "museum ="),
    (TERMINAL + "Lusavia will move its European flights in time for the opening.", "fly", "scheduled",
     "2026-03-29", "opening = Terminal 3 to open"),
    # a duration counted from the anchor's day, not from the publication date
    (RELEASED + "The publisher expects it to sell one million copies within 30 days of launch.", "sell",
     "expected", "2025-10-11", "launch ="),
    ("The council will vote on the plan on Oct. 2. Officials will publish the rules within 10 days of the vote.",
     "publish", "expected", "2025-10-12", "vote ="),
    # the day before the anchor
    ("The game will go on sale on Thursday, Oct. 23. \"If the beta goes well, we will add a co-op mode "
     "before launch,\" she said.", "add", "conditional", "2025-10-22", "launch ="),
    ("The league season starts on Oct. 4. The club will finish the new stand before the season starts.",
     "finish", "expected", "2025-10-03", "season starts ="),
])
def test_anchored(text, predicate, modality, deadline, anchored_on):
    found = [f for f in _forward(text) if f[0] == predicate]
    assert found, _forward(text)
    assert found[-1][1:3] == (modality, deadline)
    assert anchored_on in found[-1][3]


@pytest.mark.parametrize("text, predicate", [
    # the article gives no date for the anchor: a claim with no deadline (never the publication date + 30)
    ("The publisher expects Hollowmere to sell one million copies within 30 days of launch.", "sell"),
    ("We will add a co-op mode before launch, the studio said.", "add"),
])
def test_anchor_without_date(text, predicate):
    found = [f for f in _forward(text) if f[0] == predicate]
    assert found and found[0][2] is None and "no date in the article" in found[0][3]


@pytest.mark.parametrize("text", [
    # past reports, connectives, hedges, quoted old promises, places: no anchored claim
    RELEASED + "About 60,000 people were playing at the same time within two hours of launch.",
    TERMINAL + "At the same time, the airline said fares would rise.",
    RELEASED + "The patch that the studio had promised within two weeks of launch arrived on March 12.",
    TERMINAL + "Passengers could face delays within 10 km of the terminal.",
    TERMINAL + "The minister visited the site before the opening.",
    TERMINAL + "Severe weather will be felt several hours before the storm reaches the coast.",  # no event named
    TERMINAL + "Work will go on before the next phase.",
])
def test_not_anchored(text):
    assert not any(f[3] for f in _forward(text)), _forward(text)


@pytest.mark.parametrize("text, predicate, deadline", [
    ("Lanterne promised a performance patch for PC within two weeks.", "deliver", "2025-09-30"),
    ("The minister pledged a decision on the route by Friday.", "decide", "2025-09-19"),
    ("The ministry promised 2,000 new homes by the end of next year.", "deliver", "2026-12-31"),
])
def test_promised_thing(text, predicate, deadline):
    assert (predicate, "expected", deadline) in [f[:3] for f in _forward(text)]


@pytest.mark.parametrize("text", [
    "In May the company promised a new model, and it launched on June 3.",    # the promise is the past
    "The patch that Lanterne had promised within two weeks arrived on Friday.",  # a quoted old promise
    "Lanterne promised on Monday that it would look into the problem.",         # no thing with a deadline
])
def test_promise_negatives(text):
    assert not any(f[0] == "deliver" for f in _forward(text))


@pytest.mark.parametrize("text, dct, deadline", [
    ("The TTC will add 60 new buses to its fleet by the end of June, paid for with a federal grant, "
     "the agency confirmed.", date(2026, 1, 8), "2026-06-30"),
])
def test_month_edge_ahead(text, dct, deadline):
    assert ("add", "expected", deadline) in [f[:3] for f in _forward(text, dct)]


def test_month_edge_past_stays():
    text = "The TTC put the last of its new buses into service at the end of June, the agency said."
    assert not _forward(text, date(2026, 9, 15))


@pytest.mark.parametrize("text, predicate", [
    ("Metropolitano de Lisboa said the extension had fallen behind and that it could not yet give a new "
     "opening date.", "open"),
    ("The Metro's red line extension still has no opening date.", "open"),
])
def test_no_new_date_is_postponed(text, predicate):
    found = [(m.predicate, m.modality) for m in find_mentions(text, DCT)]
    assert (predicate, "postponed") in found


@pytest.mark.parametrize("text", [
    "The council could give a date for the opening next week.",     # a hedge, not a missing date
    "The operator set a new opening date of April 12.",
])
def test_date_given_is_no_postponement(text):
    assert not any(m.modality == "postponed" for m in find_mentions(text, DCT))


# A time opening the clause, before its subject (forecasts set: "in May they will start", "By 2012 ...").
@pytest.mark.parametrize("text, predicate, deadline", [
    ("The group's representatives stated that in May they will start the production of the game.", "start",
     "2010-05-31"),                                      # the month "May" is no modal before "they"
    ("By 2012 the city will finish the bridge.", "finish", "2012-12-31"),   # a year before "the" modifies nothing
    ("In 2011 they will hold a referendum.", "hold", "2011-12-31"),
    ("By 2012 the city expects to finish the bridge.", "finish", "2012-12-31"),   # the aspect verb is governed
])
def test_time_before_the_clause(text, predicate, deadline):
    assert (predicate, "expected", deadline) in [f[:3] for f in _forward(text, date(2010, 1, 1))]


@pytest.mark.parametrize("text", [
    "In 2008 the city finished the bridge.",        # past: no claim
    "The 2012 budget will be tight.",               # a year modifying a noun still dates nothing
    "In May they could start production.",          # a hedge: expected at most, never from a misread 'may'
])
def test_time_before_the_clause_negatives(text):
    assert not [f for f in _forward(text, date(2010, 1, 1)) if f[1] != "expected"]
    assert not _forward(text, date(2010, 1, 1)) or "could" in text


def test_own_time_beats_the_anchor():
    text = ("The Democratic National Convention will take place in late July. The FBI is expected to conclude "
            "its investigation sometime before the convention on July 25.")
    assert ("conclude", "expected", "2010-07-25", "") in _forward(text, date(2010, 1, 1))


def test_year_as_object_is_no_clause_time():
    assert not _forward("This could make 2004 the deadliest year ever.", date(2004, 1, 1))


# A relative clause with its own subject and verb between a subject and its verb ("The bridge that
# engineers inspected last year reopened"): the subject is the noun before it, not a word inside it.
@pytest.mark.parametrize("text, predicate, subject", [
    ("The bridge that engineers inspected last year reopened on Monday.", "reopen", "bridge"),
    ("The bridge which was damaged last year reopened on Monday.", "reopen", "bridge"),
    ("The drug that the FDA approved on Friday will reach pharmacies next month.", "reach", "drug"),
    # must not change: the relative's own verb, and a parenthetical relative clause
    ("The mayor thanked the crews who replaced the faulty anchor cables in May.", "replace", "crews"),
    ("The bridge that engineers inspected last year reopened on Monday.", "inspect", "engineers"),
    ("The shed, which was completed in June, is used daily.", "complete", "shed"),
])
def test_subject_before_a_relative_clause(text, predicate, subject):
    assert (predicate, subject) in [(m.predicate, m.subject) for m in find_mentions(text, date(2026, 4, 14))]
