"""One line that tells the user what went wrong in a conversion: the warnings among a document's diagnostics.

Diagnostics that record a deliberate change (chrome removed, script converted,
lines joined …) are not warnings; every other code is.
"""

from __future__ import annotations

import re
from collections import Counter

from gongwen.model import Diagnostic, Document

CHANGES = frozenset({"boilerplate-removed", "page-marker-removed", "pinyin-annotation-removed",
                     "running-header-removed", "toc-leader-removed", "encoding-detected", "converted-to-simplified",
                     "wrapped-lines-joined", "opener-lines-joined", "generated-table-skipped", "html-region-removed",
                     "page-tools-removed", "html-title-from-head", "html-comment-removed",
                     "pdf-lines-rebuilt", "inline-contents"})
HINTS = {"undecodable-bytes": "wrong --encoding?", "mojibake-suspected": "garbled in an earlier conversion?",
         "truncated-suspected": "incomplete file?", "paginated-article": "only the first web page was read"}
NUMBER = re.compile(r"\d[\d,]*")


def warnings(doc: Document) -> list[Diagnostic]:
    """The diagnostics of ``doc`` that are warnings."""
    return [d for d in doc.diagnostics if d.code not in CHANGES]


def _part(code: str, items: list[Diagnostic]) -> str:
    if code == "undecodable-bytes":
        bad = sum(int(m.group(0).replace(",", "")) for d in items if (m := NUMBER.search(d.message)))
        text = f"{bad:,} undecodable byte sequences"
    else:
        text = f"{len(items):,} {code}"
    return f"{text} ({HINTS[code]})" if code in HINTS else text


def summary_line(doc: Document) -> str | None:
    """``3 warnings: 52,168 undecodable byte sequences (wrong --encoding?), 2 numbering-gap`` or None."""
    found = warnings(doc)
    if not found:
        return None
    counts = Counter(d.code for d in found)
    parts = [_part(code, [d for d in found if d.code == code]) for code, _ in counts.most_common()]
    return f"{len(found)} warning{'s' if len(found) > 1 else ''}: " + ", ".join(parts)
