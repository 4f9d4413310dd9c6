"""Pure text in, dataclasses out: the temporal tagger, sentences, entities, event mentions.

Nothing here touches the database or the network.

    >>> from datetime import date
    >>> [(m.predicate, m.modality, str(m.deadline)) for m in find_mentions(
    ...     "Orion is scheduled to splash down in the Pacific Ocean on Dec. 11.", date(2022, 11, 16))]
    [('splash down', 'scheduled', '2022-12-11')]
"""
from tracker.nlp._types import EventMention
from tracker.nlp.mentions import find_mentions
from tracker.nlp.sentences import split_sentences
from tracker.nlp.temporal import Timex, tag

__all__ = ["EventMention", "Timex", "find_mentions", "split_sentences", "tag"]
