"""Score the parser on the held-out documents in benchmarks/heldout/ (not tuned on when first scored).

    python benchmarks/heldout.py [--shared ../shared] [-v]

Fifty-two real documents of the kinds the corpus holds (prefecture, city,
provincial and national reports, one-line national reports, a five-year
plan, statistical communiqués, saved web pages), none of them in
``../shared``, with gold written by hand in the format of
``../shared/gold/FORMAT.md`` by annotators who never saw the parser's
output. ``SOURCES.tsv`` says where each document came from and in which set
it was written: each set was scored once before any rule was written for it,
and the later sets measure rules written for the earlier ones.

Converts ``heldout/docs`` to JSON with ``gongwen batch`` and prints the
scores of ``../shared/tools/score.py`` (outline F1 and depth agreement,
indicator F1, name and kind agreement), per document and overall. A figure,
not a test: the gold is one annotator's reading, and the documents are
transcriptions that may differ from the stored originals by a character.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "heldout"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared",
                        help="the shared folder holding tools/score.py (default: ../shared beside the project)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious nodes")
    args = parser.parse_args()
    scorer = args.shared / "tools" / "score.py"
    if not scorer.is_file():
        print(f"heldout: no scorer at {scorer} (give --shared)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "gongwen", "batch", str(HERE / "docs"), "-o", out, "-t", "json", "-q"],
                       check=True)
        command = [sys.executable, str(scorer), str(HERE / "gold"), out, "--text-dir", str(HERE / "docs")]
        return subprocess.run(command + (["-v"] if args.verbose else []), check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
