"""Fuzz ``speechkit.analyze`` with the property tests' strategies, many more examples than CI runs.

    python bench/fuzz.py --examples 10000            # every strategy, 10,000 examples each
    python bench/fuzz.py --examples 2000 --only any  # random Unicode only
    python bench/fuzz.py --only shapes               # captions, digit runs and number-word runs, densely

Prints the seed (``--seed`` repeats a run), then per strategy the examples run, the time and the failures
(hypothesis shrinks each distinct failure to a minimal text and prints it).
Exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as hypothesis_seed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_properties import (CAPTION, DIGIT_RUN, INVISIBLE_MARKS, LONG_DIGIT_RUN, NUMBER_WORD_RUN,  # noqa: E402
                             PIECE, any_text, check_analysis, check_marks, russian_text)

# captions, digit runs (some of thousands of digits) and number-word runs, denser than in «russian»:
# the shapes that once hung a stage
shapes_text = st.lists(st.one_of(CAPTION, DIGIT_RUN, NUMBER_WORD_RUN, PIECE, LONG_DIGIT_RUN), max_size=40).map(" ".join)

# name -> (what to draw, what must hold for it)
STRATEGIES = {
    "russian": (russian_text, check_analysis),
    "any": (any_text, check_analysis),
    "shapes": (shapes_text, check_analysis),
    "marks": (st.tuples(russian_text, INVISIBLE_MARKS), lambda pair: check_marks(*pair)),  # invisible marks change nothing
}


def fuzz(name: str, examples: int, seed: int) -> tuple[int, float, list[str]]:
    """Run the strategy's check on ``examples`` draws; return (count, seconds, failure reports)."""
    count = 0
    strategy, check = STRATEGIES[name]

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), report_multiple_bugs=True,
              phases=[Phase.generate, Phase.shrink])
    @given(strategy)
    def prop(drawn) -> None:
        nonlocal count
        count += 1
        check(drawn)

    prop = hypothesis_seed(seed)(prop)
    failures: list[str] = []
    t0 = time.perf_counter()
    try:
        prop()
    except Exception as exc:  # noqa: BLE001 - a report, whatever went wrong
        groups = exc.exceptions if isinstance(exc, BaseExceptionGroup) else [exc]
        failures = ["".join(traceback.format_exception(e)) for e in groups]
    return count, time.perf_counter() - t0, failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=1000, help="examples per strategy")
    ap.add_argument("--only", choices=sorted(STRATEGIES), help="run one strategy")
    ap.add_argument("--seed", type=int, help="random seed, to repeat a run (default: a new one, printed)")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed}")
    names = [args.only] if args.only else list(STRATEGIES)
    total_failed = 0
    for name in names:
        count, seconds, failures = fuzz(name, args.examples, seed)
        total_failed += len(failures)
        print(f"{name:8} {count:7d} examples  {seconds:7.1f} s  {count / max(seconds, 1e-9):7.0f}/s  "
              f"{len(failures)} failure(s)")
        for report in failures:
            print(report, file=sys.stderr)
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
