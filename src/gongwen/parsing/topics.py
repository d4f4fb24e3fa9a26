"""Topics: unnumbered short lead sentences that head the text after them (工业经济稳中有为。).

A topic needs siblings of the same shape: one short sentence is just a
sentence. In line-per-paragraph text topics open paragraphs; under a heading
printed inline in run-on text they may open any sentence.
"""

from __future__ import annotations

import re

from gongwen.parsing.outline import BNode, Part

SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]")
NOT_IN_TOPIC = re.compile(r"[，,、；;：:（）()“”\"'《》〈〉【】\d%％]|我们|我|你们|大家|同志")
MIN_CHARS, MAX_CHARS = 4, 20
MIN_RUN = 2


def topic_like(sentence: str) -> bool:
    """A short, comma-free lead sentence that can head a paragraph."""
    body = sentence.rstrip("。！？!?")
    return MIN_CHARS <= len(body) <= MAX_CHARS and not NOT_IN_TOPIC.search(body)


def _candidates(node: BNode) -> list[tuple[int, int, int, bool]]:
    """``(part index, start, end, lead)`` of every topic-like sentence in the node's own text."""
    found = []
    for pi, part in enumerate(node.parts):
        for m in SENTENCE.finditer(part.text):
            lead = m.start() == 0 and part.lead
            if not lead and node.line_start:
                continue
            if m.end() < len(part.text) and topic_like(m.group()):
                found.append((pi, m.start(), m.end(), lead))
    return found


def add_topics(nodes: list[BNode]) -> None:
    """Find topic runs under every node (in place), depth first."""
    i = 0
    while i < len(nodes):
        node = nodes[i]
        add_topics(node.children)
        moved = _split_topics(node) if node.kind != "topic" else []
        nodes[i + 1:i + 1] = moved
        i += 1 + len(moved)


def _split_topics(node: BNode) -> list[BNode]:
    """Turn the node's topic sentences into topic children; return children moved to its parent."""
    found = _candidates(node)
    leads = [f for f in found if f[3]]
    chosen = leads if len(leads) >= MIN_RUN else (found if not node.line_start else [])
    if len(chosen) < MIN_RUN:
        return []
    starts: dict[int, list[tuple[int, int]]] = {}
    for pi, s, e, _ in chosen:
        starts.setdefault(pi, []).append((s, e))
    own: list[Part] = []
    target = own
    topics: list[BNode] = []
    closed = False
    for pi, part in enumerate(node.parts):
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
