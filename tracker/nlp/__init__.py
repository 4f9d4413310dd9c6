"""Pure text in, dataclasses out: the temporal tagger, sentences, entities, event mentions.

Nothing here touches the database or the network.
"""
