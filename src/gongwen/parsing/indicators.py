"""Quantitative indicators: a first pass (value with unit, change), refined in a later module."""

from __future__ import annotations

import re

from gongwen.model import Document, Indicator

NUMBER = r"\d+(?:\.\d+)?"
UNITS = "亿元|万元|元|万美元|美元|亿|万|万亩|亩|平方米|公顷|公里|km|万吨|吨|家|个|项|人|件|套|所|处|场|户"
VALUE = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,12}}?)(?:达到|达|为|完成|实现)?(?P<value>{NUMBER})(?P<unit>{UNITS})")
CHANGE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{2,12}}?)(?:同比|比上年)?(?P<dir>增长|下降|提高|减少)(?P<change>{NUMBER})%"
)
SENTENCE = re.compile(r"[^。；;！？]+[。；;！？]?")


def extract_indicators(doc: Document) -> list[Indicator]:
    """Every value-with-unit and percentage change in the outline text, in document order."""
    found: list[Indicator] = []
    for _, node in doc.walk():
        texts = [node.title] + [b.text for b in node.body]
        for text in texts:
            for sent in SENTENCE.findall(text):
                for m in VALUE.finditer(sent):
                    found.append(Indicator(id="", node=node.id, name=m.group("name"), value=float(m.group("value")),
                                           unit=m.group("unit"), text=sent))
                for m in CHANGE.finditer(sent):
                    sign = -1 if m.group("dir") in ("下降", "减少") else 1
                    found.append(Indicator(id="", node=node.id, name=m.group("name"),
                                           change=sign * float(m.group("change")), change_unit="%", text=sent))
    for k, ind in enumerate(found, 1):
        ind.id = f"i{k}"
    return found
