"""Topics: unnumbered lead sentences that head the text after them (工业经济稳中有为。).

A topic is decided per node from named features, never from one sentence alone:

* **paragraph leads** (tried first): a topic is
  the first sentence of a paragraph — or a short line of its own — that is
  short, carries no figure and is no date statement. Short comma-free leads
  are *strong*; longer ones, or ones with commas, need parallel support:
  a dash (——) before them, a sibling lead with the same opening words,
  leads opening most of the node's paragraphs, or (worded as headings of
  work, two clauses at most) runs in most of the node's sibling sections.
  A run needs two topics.
* **run-on leads** (only in text flattened to one line without paragraph
  breaks, when a node's paragraphs give no run): short comma-free sentences
  anywhere in its text, each heading some detail, two or more of them. In a
  document with paragraphs, a sentence inside a paragraph is never a topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from gongwen.parsing.outline import PART_ADDRESS, BNode, Part
from gongwen.parsing.parts import LEAD_IN

# Anchored at a sentence start, so text with no sentence end is scanned once, not once per position.
SENTENCE = re.compile(r"(?:^|(?<=[。！？!?]))[^。！？!?]+[。！？!?]")
FIRST_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
EMPHASISED_LEAD = re.compile(r"[^。！？!?；;，,]+[。！？!?；;，,]?")  # a bold lead may end at a comma
NOT_IN_INLINE_TOPIC = re.compile(r"[，,、；;：:（）()“”\"'《》〈〉【】\d%％A-Za-z]|我们|我|你们|大家|同志|各位")
NOT_IN_TOPIC = re.compile(r"[：:（）()《》【】%％]|你们|大家|同志|各位")
FIGURE = re.compile(r"\d[\d.,，]*\s*(?:%|％|‰|万|亿|元|个|项|家|人|户|吨|亩|公里|千米|米|千瓦|倍|座|所|条|次|件)")
PERIOD_OPENING = re.compile(r"^过去[一二三四五六七八九十两几]{1,2}年[，,]")  # as 五年来， / 这五年， open leads
DATE_OPENING = re.compile(r"^(?:\d{2,4}年|今年|去年|明年|过去|刚刚过去|回顾|回首|展望|当前|目前|现在|近年)")
DATE_LINE = re.compile(r"^\d{2,4}年\d{1,2}月")  # ——2021年1月29日在…会议上: a dateline, dash or not
# What follows a saying that frames a run of leads (产业兴则百业兴，…。我们要…).
EXHORTATION = re.compile(r"(?:我们|各级政府|政府)?(?:要|将|必须)")
MIN_FRAMED_RUN = 3  # a lead frames a run of at least two others
MIN_LIST = 2  # numbered items run in one paragraph that make a list
SENTENCE_ENDS = "。！？!?"
APPEAL = re.compile(r"(?:^|[。！!？?，,])\s*让我们(?!的)")  # the closing appeal (…。让我们…！)
# A lead-in announces what follows (…做了以下工作, LEAD_IN), a copula states a view (X是Y): neither heads on its own.
COPULA = re.compile(r"^[^，,是]{1,12}是(?![否])")
# A sentence that opens with a connective continues the text before it: it heads nothing.
CONNECTIVE = re.compile(r"^(?:与此同时|同时|此外|另外|总之|总的来看|从根本上说|因此|所以|但是|但|然而|而且|并且|其中|"
                        r"对此|为此|这些)")
DASH = "—―─－-"  # printed before a lead: em dash, horizontal bar, box-drawing line, full-width and ASCII hyphen
COMMAS = "，,、；;"
CLAUSE_COMMAS = "，,；;"
MIN_CHARS, STRONG_CHARS, MAX_CHARS = 4, 20, 45
MAX_DASHED_CHARS = 160  # a dash sets a lead apart at any length (——我们坚持人民至上、…，有力有效抗击…洪水。)
MAX_INLINE_CHARS = 12  # a topic inside run-on text is a short phrase
MIN_DETAIL = 8  # a run-on topic heads at least this much text
MIN_RUN = 2
SPARSE = 3  # leads opening fewer than a third of a node's paragraphs are scattered among plain ones
# A sentence that states a fact or a view rather than heads work: an actor opening it, or a copula
# (我国同挪威…的谈判正在进行中, 裁军问题直接关系着世界和平, 有人认为…, X，是Y).
STATEMENT = re.compile(r"^(?:我国|我们|有人|中国(?:人民|政府|同|与|和|愿意))|(?<![于但还总只凡就别])是|"
                       r"(?<=.)(?:有着|具有|关系着|决定着|意味着)")  # (not 特别是; 具有…的 opening names a thing)
MOST = 0.6  # leads opening this share of a node's paragraphs support each other …
MOST_CHARS = 24  # … when they are this short
MAX_SUPPORTED_CHARS = 40  # a lead supported by its sibling sections' runs (see _paragraph_leads)
PREFIX = 2  # parallel leads share their opening characters …
MIN_PARALLEL = 3  # … in a group of at least this many


@dataclass
class Lead:
    """A candidate topic: where it is, its title, and the evidence for it."""

    part: int
    start: int
    end: int
    title: str
    strong: bool
    dashed: bool = False
    standalone: bool = False
    copula: bool = False  # X是Y: a view, a topic only among parallel leads of the same opening
    period: str = ""  # the period it opens with (过去五年，): a lead only among parallel ones opening so


def topic_like(sentence: str, inline: bool = False) -> bool:
    """A short, comma-free lead sentence (the run-on mode's test)."""
    body = sentence.rstrip("。！？!?")
    return MIN_CHARS <= len(body) <= MAX_INLINE_CHARS and not NOT_IN_INLINE_TOPIC.search(body)


def _paragraph_lead(pi: int, part: Part) -> Lead | None:
    """The lead sentence opening the paragraph ``part``, when it has the shape of one."""
    text = part.text
    dashed = text[:1] in DASH
    offset = len(text) - len(text.lstrip(DASH + " \u3000")) if dashed else 0
    span = bold = _bold_lead(text, offset, part.emphasis) if part.emphasis else None
    if span is None:
        m = (EMPHASISED_LEAD if part.emphasised else FIRST_SENTENCE).match(text, offset)
        if not m:
            return None
        span = m.span()
    sentence = text[span[0]:span[1]]
    standalone = span[1] == len(text)
    if sentence[-1:] != "。" and not ((part.emphasised or bold) and sentence[-1:] in "，,"):
        return None
    title = sentence.rstrip("。，,").strip()
    if not (MIN_CHARS <= len(title) <= (MAX_DASHED_CHARS if dashed else MAX_CHARS)) or NOT_IN_TOPIC.search(title) \
            or FIGURE.search(title) or title.count("”") > title.count("“"):
        return None  # (a quote closed and never opened: the rest of a line broken off, 95 海交会”)
    period = PERIOD_OPENING.match(title)  # 过去五年，经济发展提速增效。: a lead if parallel ones open the same way
    if (DATE_OPENING.match(title) and not (dashed and not DATE_LINE.match(title)) and not period) \
            or CONNECTIVE.match(title) or LEAD_IN.search(title):
        return None  # a dash sets a lead apart whatever time it opens with (——过去一年，是…的一年。), not a date
    if not standalone and not text[span[1]:].strip():
        return None
    copula = bool(COPULA.match(title))
    if period and not dashed:
        return Lead(pi, span[0], span[1], title, False, standalone=standalone, copula=copula,
                    period=period.group())
    strong = len(title) <= STRONG_CHARS and not any(c in title for c in CLAUSE_COMMAS) and "我们" not in title \
        and not copula  # a 、 joins nouns (推动工业、农业高质量发展。), it breaks no clause
    return Lead(pi, span[0], span[1], title, strong, dashed, standalone, copula)


def _bold_lead(text: str, offset: int, bold: str) -> tuple[int, int] | None:
    """Where a lead the source set in bold ends (**这五年，是…的五年。**, **推进治污降碳，**), with a stop
    right after the bold (**X**，); None when the text does not open with the bold words."""
    bold = bold.lstrip(DASH + " \u3000").strip()
    if not bold or not text.startswith(bold, offset):
        return None
    end = offset + len(bold)
    return offset, end + (text[end:end + 1] in "。，,！？；" and bold[-1:] not in "。，,！？；")


def _paragraph_leads(node: BNode, supported: bool = False) -> list[Lead]:
    """The accepted leads of a node whose text has paragraphs of its own. ``supported``: most of the node's
    sibling sections have runs of topics, so two or more leads of the shape opening paragraphs of their own
    text, at least half its paragraphs, are topics too, long or with commas (积极融入…战略。 / 加快建设海洋经济强市。
    beside sections with runs)."""
    # The closing appeal (奋斗才能赢得未来。让我们…！) heads no part of the text: no lead, no paragraph to lead.
    last = len(node.parts) - 1
    paras = [(pi, p) for pi, p in enumerate(node.parts)
             if p.rows is None and p.para_start and not _appeal(p.text, pi == last)]
    found = [lead for pi, p in paras if (lead := _paragraph_lead(pi, p))]
    standalone = {lead.part for lead in found if lead.standalone}
    # A lead on a line of its own heads the paragraph after it (not another such line, not nothing),
    # or the enumeration that follows it in its paragraph (持续办好为民实事。一是…二是…).
    enumerated = {c.after_part - 1 for c in node.children if c.kind == "item"}
    found = [lead for lead in found if not lead.standalone or lead.part in enumerated
             or _heads_prose(node.parts, lead.part, standalone)]
    periods = Counter(lead.period for lead in found if lead.period)
    found = [lead for lead in found if not lead.period or periods[lead.period] >= MIN_PARALLEL]
    if len(found) < MIN_RUN:
        return found if found and found[0].strong else []
    openings: dict[str, int] = {}
    for lead in found:
        openings[lead.title[:PREFIX]] = openings.get(lead.title[:PREFIX], 0) + 1
    most = len(found) >= max(3, MOST * len(paras))
    dashes = sum(lead.dashed for lead in found) >= MIN_RUN
    # with sibling support: leads opening paragraphs of their own text (not sentences standing as paragraphs)
    alike = [lead for lead in found if not lead.standalone and _heading_like(lead.title)] if supported else []
    alike = alike if len(alike) >= MIN_RUN and len(alike) * 2 >= len(paras) else []
    accepted = [lead for lead in found
                if lead.strong or (most and _compact(lead.title) and not lead.copula) or (lead.dashed and dashes)
                or openings[lead.title[:PREFIX]] >= MIN_PARALLEL or lead in alike]
    return _under_lead_lines(_without_scattered_statements(accepted, paras), enumerated)


def _under_lead_lines(leads: list[Lead], enumerated: set[int]) -> list[Lead]:
    """Where the node heads its paragraphs with leads on lines of their own (two or more), each heads the
    paragraph after it: that paragraph's first sentence is its text, no lead of its own (风险防控扎实有效。 /
    “智慧海南”“诚信海南”基本成型。离岛免税…). A dash still sets a lead apart. (A lead that an enumeration of
    its paragraph follows is no line of its own: 深化国有企业改革。一要….)"""
    lines = {lead.part for lead in leads if lead.standalone and lead.part not in enumerated}
    if len(lines) < MIN_RUN:
        return leads
    led = {lead.part for lead in leads if not lead.standalone}  # paragraphs opening with a lead of their own
    # (a line heading a run of such paragraphs heads them all: the first keeps its lead like the others)
    return [lead for lead in leads if lead.standalone or lead.dashed or lead.part - 1 not in lines
            or lead.part + 1 in led]


def _without_scattered_statements(leads: list[Lead], paras: list[tuple[int, Part]]) -> list[Lead]:
    """Leave out the leads that state a fact or view (STATEMENT) and stand alone among plain paragraphs, when the
    leads open few of the node's paragraphs: sentences of a narrative (裁军问题直接关系着世界和平。 in a chapter on
    foreign policy), not headings. Leads next to another, or sharing their opening with another, are a run."""
    if len(leads) * SPARSE >= len(paras):
        return leads
    at = {pi: k for k, (pi, _) in enumerate(paras)}
    led = {at[lead.part] for lead in leads}
    shared = Counter(lead.title[:PREFIX] for lead in leads)
    return [lead for lead in leads if at[lead.part] - 1 in led or at[lead.part] + 1 in led
            or shared[lead.title[:PREFIX]] >= MIN_RUN or not STATEMENT.search(lead.title)]


def _without_framing(node: BNode, leads: list[Lead]) -> list[Lead]:
    """Leave out a run's first or last lead that frames it rather than heads a paragraph like the others: a
    saying in two clauses (产业兴则百业兴，产业强则经济强。) where no other lead has a comma, followed by an
    exhortation (我们要… / 必须… / …！) rather than work done or planned."""
    if len(leads) < MIN_FRAMED_RUN:
        return leads
    for lead in (leads[0], leads[-1]):
        others = [other for other in leads if other is not lead]
        rest = node.parts[lead.part].text[lead.end:].strip()
        if "，" in lead.title and not any("，" in other.title for other in others) \
                and (EXHORTATION.match(rest) or rest.endswith(("！", "!"))):
            leads = others
    return leads


def _appeal(text: str, last: bool) -> bool:
    """The closing appeal: a paragraph ending in ！ with a sentence that opens 让我们 (not 让我们的家园), the last of
    its node or opening with it (奋斗才能赢得未来。让我们…！); not a paragraph of work that ends by saluting, with
    more after it (…涌现出…典型。让我们向…致以崇高敬意！)."""
    if not text.rstrip().endswith(("！", "!")):
        return False
    appeal = APPEAL.search(text)
    return appeal is not None and (last or sum(text.count(end, 0, appeal.start()) for end in SENTENCE_ENDS) <= 1)


def _heading_like(title: str) -> bool:
    """Worded as a heading of work to do (突出现代农业，着力提高农业质量和效益): two clauses at most, no view
    stated with 是 and no speaker's or place's 我 (我区同…有着坚实的合作基础，…)."""
    return len(title) <= MAX_SUPPORTED_CHARS and _clause_breaks(title) <= _clauses_allowed(title) - 1 \
        and "是" not in title and "我" not in title


def _compact(title: str) -> bool:
    """Short enough to be a heading though it has a comma: two clauses at most."""
    return len(title) <= MOST_CHARS and _clause_breaks(title) <= 1


def _clauses_allowed(title: str) -> int:
    """Clauses a heading-like lead may have: two, or three short ones (创新招商模式，拓展开放领域，提高城市外向度)."""
    return 3 if len(title) <= MOST_CHARS else 2


def _clause_breaks(title: str) -> int:
    return sum(title.count(c) for c in CLAUSE_COMMAS)


def _heads_prose(parts: list[Part], index: int, standalone: set[int]) -> bool:
    following = index + 1
    return (following < len(parts) and following not in standalone and parts[following].rows is None
            and "。" in parts[following].text)


def _run_on_leads(node: BNode) -> list[Lead]:
    """Short sentences that head detail inside a node's one block of run-on text."""
    found: list[Lead] = []
    for pi, part in enumerate(node.parts):
        if part.rows is not None:
            continue
        for m in SENTENCE.finditer(part.text):
            if m.end() < len(part.text) and topic_like(m.group()) and not STATEMENT.search(m.group()):
                found.append(Lead(pi, m.start(), m.end(), m.group().rstrip("。！？!?"), True))
    heads = []
    for k, lead in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        detail_end = nxt.start if nxt is not None and nxt.part == lead.part else len(node.parts[lead.part].text)
        if detail_end - lead.end >= MIN_DETAIL:
            heads.append(lead)
    return heads


def add_topics(nodes: list[BNode], run_on: bool = False) -> None:
    """Find topic runs under every node (in place), parents before their children.

    ``run_on``: the document is text flattened to one line with no paragraph breaks,
    where lead sentences can only stand inside the text.
    """
    for node in nodes:
        if node.kind != "topic" and not run_on:
            _paragraphs_after_lists_to_node(node)
        if node.kind != "topic":  # text after a numbered child is that child's (topics never take it), but not
            # after a list run inside a paragraph (…办好12件实事：（1）…（12）…): the next paragraph is not (12)'s
            _text_after_children_to_children(node, lambda c: c.kind == "section" and (run_on or not _listed(c)))
    # Each node's runs on their own evidence first; a section whose siblings mostly have runs takes weaker leads.
    own = [_leads(node, run_on) if node.kind != "topic" else [] for node in nodes]
    runs = [node.kind == "section" and len(leads) >= MIN_RUN for node, leads in zip(nodes, own, strict=True)]
    sections, with_runs = sum(node.kind == "section" for node in nodes), sum(runs)  # once: linear in the siblings
    previous_had_topics = False
    for node, leads, has_run in zip(nodes, own, runs, strict=True):
        if node.kind != "topic":
            others = with_runs - has_run
            if node.kind == "section" and not has_run and others >= MIN_RUN and others * 2 > sections - 1:
                leads = _leads(node, run_on, supported=True)
            _split_topic_levels(node, _choose(node, leads, previous_had_topics), run_on)
            _text_after_children_to_children(node, lambda child: child.kind != "topic")
        add_topics(node.children, run_on)
        previous_had_topics = any(c.kind == "topic" for c in node.children)


def _split_topic_levels(node: BNode, chosen: list[Lead], run_on: bool) -> None:
    """Turn ``chosen`` into topic children of ``node``; where they stand at two levels (see ``_family_heads``),
    the long ones first, then the short (or dashed) leads of each one's text under it."""
    heads = _family_heads(node, chosen)
    _split_topics(node, heads or chosen, run_on)
    topics = [child for child in node.children if child.kind == "topic"] if heads else []
    for head, topic in zip(heads, topics, strict=True):
        inner = [lead for lead in _paragraph_leads(topic) if lead.strong or lead.dashed]
        if head.standalone and len(inner) == 1 and inner[0].part == 0 and not inner[0].dashed:
            inner = []  # the one paragraph after a line of its own is the line's text
        _split_topics(topic, inner, run_on)


def _family_heads(node: BNode, leads: list[Lead]) -> list[Lead]:
    """The leads that head the others, when a node's leads stand at two levels: long parallel ones sharing
    their opening (这一年，我们…，… / 五年来，我们坚定不移…，…: three or more), with short ones between them,
    under two of them at least (产业结构持续优化。 / 产业集群快速壮大。 under one, …under another), two short
    ones for every long one that is not of the family. Returned with them: the leads before the first long one,
    and those after an address to the audience (各位代表，去年…) that turns from the last long one to the part
    as a whole. [] when the leads stand at one level."""
    # (statements share openings too, 我们要求… / 我国同…: no heads)
    long = [lead for lead in leads if not lead.strong and not STATEMENT.search(lead.title)]
    openings = Counter(lead.title[:PREFIX] for lead in long)
    family = [lead for lead in long if openings[lead.title[:PREFIX]] >= MIN_PARALLEL]
    if not family:
        return []
    members = set(map(id, family))
    heads: list[Lead] = []
    inner: list[bool] = []  # strong or not, for each lead under a long one
    heads_with_inner, current, counted, seen = 0, None, False, 0
    for lead in leads:
        addressed = any(PART_ADDRESS.match(part.text) for part in node.parts[seen:lead.part + 1])
        seen = max(seen, lead.part + 1)  # each paragraph looked at once
        if current is not None and addressed:
            current = None  # addressed to the part as a whole: the long one's text has ended
        if id(lead) in members:
            current, counted = lead, False
        elif current is not None:
            inner.append(lead.strong)
            if lead.strong and not counted and current is not family[-1]:
                heads_with_inner, counted = heads_with_inner + 1, True
            continue
        heads.append(lead)
    if heads_with_inner < MIN_RUN or sum(inner) < 2 * (len(inner) - sum(inner)):  # mostly short: a long one is text
        return []
    return heads


def _listed(node: BNode) -> bool:
    """A numbered node inside a paragraph's text, neither opening the paragraph nor a line: a list member."""
    return node.kind == "section" and not (node.para_start or node.line_start)


def _paragraphs_after_lists_to_node(node: BNode) -> None:
    """The paragraphs after a numbered list run inside one paragraph (…办好12件实事：（1）…（2）…) are the
    node's again: the list ends with its paragraph, and the next paragraph is not its last item's. One pass."""
    children = node.children
    listed = Counter(c.after_part for c in children if _listed(c))  # list members per paragraph
    inserts: dict[int, list[Part]] = {}  # paragraphs given back, by the part they go before
    shift = 0
    for k, child in enumerate(children):
        at = child.after_part
        child.after_part += shift
        last = k + 1 == len(children) or children[k + 1].after_part != at
        if not (_listed(child) and not child.children and last and listed[at] >= MIN_LIST):
            continue
        cut = next((j for j, part in enumerate(child.parts) if part.para_start), None)
        if cut is not None:
            moved, child.parts = child.parts[cut:], child.parts[:cut]
            inserts.setdefault(at, []).extend(moved)
            shift += len(moved)
    if inserts:
        parts: list[Part] = []
        for i in range(len(node.parts) + 1):
            parts += inserts.get(i, [])
            parts += node.parts[i:i + 1]
        node.parts = parts


def _owner_of_part(children: list[BNode], index: int) -> BNode | None:
    """The last child that precedes the node's part ``index``, or None when none does."""
    owner = None
    for child in children:
        if child.after_part <= index:
            owner = child
    return owner


def _text_after_children_to_children(node: BNode, which: Callable[[BNode], bool]) -> None:
    """Text that follows a child (``which`` children only) goes back to that child, in reading order."""
    placed = [child for child in node.children if which(child)]
    if not placed:
        return
    first = min(child.after_part for child in placed)
    if first >= len(node.parts):
        return
    stop = len(node.parts)
    if node.returned_at is not None and all(child.kind == "section" for child in placed):
        stop = max(first, node.returned_at)  # text addressed to the whole part stays with it (and its topics)
    for index, part in enumerate(node.parts[first:stop], first):
        owner = _owner_of_part(placed, index)
        if owner is not None:
            while owner.children:
                owner = owner.children[-1]  # the text follows the child's last descendant
            owner.parts.append(part)
    node.parts = node.parts[:first] + node.parts[stop:]
    node.returned_at = None  # used once: the topic pass sees the part's own text, then order is restored


def _leads(node: BNode, run_on: bool, supported: bool = False) -> list[Lead]:
    """The node's candidate topics: paragraph leads first, else (run-on text) inline ones. ``supported``: see
    ``_paragraph_leads``."""
    chosen = _without_framing(node, _paragraph_leads(node, supported and not run_on))
    if len(chosen) < MIN_RUN and run_on:
        chosen = _run_on_leads(node)
    return chosen


def _choose(node: BNode, chosen: list[Lead], sibling_has_run: bool) -> list[Lead]:
    """The leads (see ``_leads``) that become topics under ``node``: a run, or a lone lead where the sibling
    before has a run."""
    if len(chosen) >= MIN_RUN:
        return chosen
    # A lone lead opening a paragraph counts when the previous sibling has a run: the document heads its
    # parts' paragraphs with lead sentences, and this part has only one (投资结构继续改善。 after a dated intro).
    lone = chosen[0] if chosen else None
    if lone and sibling_has_run and lone.start == 0 and (
            (lone.part == 0 and node.parts[0].lead) or (lone.strong and not _before_heading(node, lone))):
        return chosen
    return []


def _before_heading(node: BNode, lead: Lead) -> bool:
    """A lead on a line of its own right before a numbered heading (重点做好十方面工作。 / （一）…) heads no text."""
    return lead.standalone and any(c.kind == "section" and c.after_part == lead.part + 1 for c in node.children)


def _split_topics(node: BNode, chosen: list[Lead], run_on: bool) -> None:
    """Turn the node's topic sentences (``chosen``, see ``_choose``) into topic children.

    A child (an enumeration) that follows a topic's paragraph belongs to that topic; numbered
    headings stay the node's children, whatever topics precede them.
    """
    if not chosen:
        return
    starts: dict[int, list[Lead]] = {}
    for lead in chosen:
        starts.setdefault(lead.part, []).append(lead)
    own: list[Part] = []
    target = own
    topics: list[BNode] = []
    topic_after: list[BNode | None] = []  # the topic open after each part
    closed: int | None = None  # the part that closed the topic run, if one did
    # Enumerations, and numbered lists run inside a paragraph, follow the topic whose paragraph holds them.
    enumerations = [c for c in node.children if c.kind == "item" or (_listed(c) and not run_on)]
    headings = [c for c in node.children if c.kind == "section" and c not in enumerations]
    topic_start = -1  # the part where the open topic started
    for pi, part in enumerate(node.parts):
        if part.rows is not None:
            target.append(part)
            topic_after.append(topics[-1] if topics and closed is None else None)
            continue
        pos = 0
        for lead in starts.get(pi, []):
            if lead.start > pos and part.text[pos:lead.start].strip(DASH + " \u3000"):
                target.append(Part(part.text[pos:lead.start], part.para_start and pos == 0, part.lead and pos == 0,
                                   part.inline))
            topics.append(BNode("topic", "none", None, "", lead.title, node.line_start and lead.start == 0))
            closed = None
            topic_start = pi
            target = topics[-1].parts
            pos = lead.end
        rest = part.text[pos:].strip()
        if rest:
            if pos == 0 and part.para_start and topics and closed is None:
                closed = pi  # a paragraph after the run that is no topic
            # After a closed run, text that follows an enumeration of the node reads after it.
            follows = _owner_of_part(enumerations, pi) if closed is not None and pos == 0 else None
            heading = _owner_of_part(headings, pi) if pos == 0 and topics else None
            if heading is not None and heading.after_part > topic_start:
                follows = heading  # a numbered heading came after the open topic: the text reads after it
            if follows is not None and (follows is heading or follows.after_part > closed):
                while follows.children:
                    follows = follows.children[-1]
                follows.parts.append(Part(rest, part.para_start, True, part.inline))
            else:
                target.append(Part(rest, part.para_start and pos == 0, True, part.inline))
        topic_after.append(topics[-1] if topics and closed is None else None)
    placed: list[tuple[int, BNode]] = [(lead.part, topic) for lead, topic in zip(chosen, topics, strict=True)]
    for child in node.children:
        topic = topic_after[child.after_part - 1] if 0 < child.after_part <= len(topic_after) else None
        if topic is None or child in headings:  # numbered headings are never under a topic
            placed.append((child.after_part, child))
        else:
            child.after_part = len(topic.parts)
            topic.children.append(child)
    node.parts = own
    # An enumeration placed before part k precedes a topic that starts in part k.
    node.children = [n for _, n in sorted(placed, key=lambda pair: (pair[0], pair[1].kind == "topic"))]
