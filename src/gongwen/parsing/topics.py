"""Topics: unnumbered short lead sentences that head the text after them (工业经济稳中有为。).

A topic needs siblings of the same shape: one short sentence is just a
sentence. In line-per-paragraph text topics open paragraphs; under a heading
printed inline in run-on text, or over a single run-on paragraph that opens
with a topic, they may open any sentence.
"""

from __future__ import annotations

import re

from gongwen.parsing.outline import BNode, Part

SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]")
NOT_IN_TOPIC = re.compile(r"[，,、；;：:（）()“”\"'《》〈〉【】\d%％A-Za-z]|我们|我|你们|大家|同志|各位")
MIN_CHARS, MAX_CHARS = 4, 20
MAX_INLINE_CHARS = 12  # a topic inside run-on text is a short phrase
MIN_RUN = 2


def topic_like(sentence: str, inline: bool = False) -> bool:
    """A short, comma-free lead sentence that can head a paragraph (shorter inside run-on text)."""
    body = sentence.rstrip("。！？!?")
    longest = MAX_INLINE_CHARS if inline else MAX_CHARS
    return MIN_CHARS <= len(body) <= longest and not NOT_IN_TOPIC.search(body)


def _candidates(node: BNode) -> list[tuple[int, int, int, bool]]:
    """``(part index, start, end, lead)`` of every topic-like sentence in the node's own text."""
    found = []
    for pi, part in enumerate(node.parts):
        if part.rows is not None:
            continue
        for m in SENTENCE.finditer(part.text):
            lead = m.start() == 0 and part.lead
            if m.end() < len(part.text) and topic_like(m.group(), inline=not lead):
                found.append((pi, m.start(), m.end(), lead))
    return found


def add_topics(nodes: list[BNode]) -> None:
    """Find topic runs under every node (in place), depth first."""
    i = 0
    previous_had_topics = False
    while i < len(nodes):
        node = nodes[i]
        add_topics(node.children)
        moved = _split_topics(node, previous_had_topics) if node.kind != "topic" else []
        previous_had_topics = any(c.kind == "topic" for c in node.children)
        nodes[i + 1:i + 1] = moved
        i += 1 + len(moved)


def _split_topics(node: BNode, sibling_has_run: bool) -> list[BNode]:
    """Turn the node's topic sentences into topic children; return children moved to its parent.

    A single candidate right after the heading counts when the previous sibling
    has a topic run (a document cut off after its first topic).
    """
    found = _candidates(node)
    leads = [f for f in found if f[3]]
    if not node.line_start:
        chosen = found  # a heading run into the text: topics may open any sentence
    elif len(leads) < MIN_RUN and leads[:1] and leads[0][:2] == (0, 0) and len(node.parts) == 1:
        chosen = found  # a heading line over one run-on paragraph that opens with a topic
    else:
        chosen = leads
    lone_lead = len(chosen) == 1 and chosen[0][3] and chosen[0][:2] == (0, 0) and sibling_has_run
    if len(chosen) < MIN_RUN and not lone_lead:
        return []
    starts: dict[int, list[tuple[int, int]]] = {}
    for pi, s, e, _ in chosen:
        starts.setdefault(pi, []).append((s, e))
    own: list[Part] = []
    target = own
    topics: list[BNode] = []
    closed = False
    for pi, part in enumerate(node.parts):
        if part.rows is not None:
            target.append(part)
            continue
        pos = 0
        for s, e in starts.get(pi, []):
            if s > pos:
                target.append(Part(part.text[pos:s], part.para_start and pos == 0, part.lead and pos == 0,
                                   part.inline))
            topic = BNode("topic", "none", None, "", part.text[s:e].rstrip("。！？!?"),
                          node.line_start and s == 0)
            topics.append(topic)
            closed = False
            target = topic.parts
            pos = e
        rest = part.text[pos:].strip()
        if rest:
            if pos == 0 and part.para_start and topics:
                closed = True  # a paragraph after the run that is no topic
            target.append(Part(rest, part.para_start and pos == 0, True, part.inline))
    moved: list[BNode] = []
    if closed:  # the run is over: later headings belong to the node's parent
        moved, node.children = node.children, []
    node.parts = own
    node.children = topics + node.children
    return moved
