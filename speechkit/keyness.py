"""Keyness: how much more often a text uses a word than general Russian does, and how sure that is.

Keyness compares a lemma's count in the text, ``a`` of ``c`` word tokens, with
its count in a reference corpus, ``b`` of ``d`` tokens.  The reference is
``data/reference_freq.tsv`` (lemma frequencies per million built from wordfreq,
see ``data/REFERENCE.md``) read as a nominal corpus of ``d = 10⁹`` tokens, so
``b = per_million × 1000``.  A lemma missing from the list is rarer than its
last entry, whose frequency stands in for it (``ref_per_million`` stays None).

* ``keyness``: signed log-likelihood G2 (Dunning 1993, as in Rayson & Garside 2000)::

      E1 = c·(a+b)/(c+d)    E2 = d·(a+b)/(c+d)
      G2 = 2·(a·ln(a/E1) + b·ln(b/E2)),   negative when a/c < b/d

  G2 ≥ 6.63 means p < 0.01 (one degree of freedom).
* ``log_ratio``: effect size, log2 of the two frequencies per million with one
  per million added to each (Kilgarriff's "simple maths" smoothing), so a hapax
  with no reference frequency cannot outrank everything:
  ``log2((a/c·10⁶ + 1) / (ref_per_million + 1))``.

G2 grows with the count, so alone it ranks «страна» (8 times, common) over
«медиация» (once, rare); the log ratio alone ranks every hapax missing from
the reference first.  ``rank_by="keyness"`` follows current practice (Hardie
2014; Gabrielatos 2018): G2 decides *whether* a lemma is key (p < 0.01), and
the key lemmas are ordered by a conservative effect size, the lower end of the
confidence interval of the log ratio (CQPweb's "conservative Log Ratio"):
``log_ratio − z·√(1/a + 1/b) / ln 2``, at 95% with a Bonferroni correction for
the ``m`` lemmas compared (``z`` for α = 0.05/m: 3.9 for 500 lemmas).  A
lemma seen once is then worth less than one seen ten times, and the many
hapaxes the reference lacks (names, Latin) no longer crowd the top.  Lemmas
that fail the test follow, by G2.
"""

from __future__ import annotations

import math
from statistics import NormalDist

SMOOTHING_PER_MILLION = 1.0  # added to both frequencies in log_ratio
CONFIDENCE = 0.95  # of the log-ratio interval, before the Bonferroni correction


def log_likelihood(a: float, c: float, b: float, d: float) -> float:
    """Signed G2 of ``a`` in ``c`` tokens against ``b`` in ``d``: negative when ``a`` is underused.

    >>> round(log_likelihood(8, 1000, 833_000, 1e9), 1)  # «страна» 8 times in 1000 words
    21.9
    >>> round(log_likelihood(1, 1000, 574, 1e9), 1)  # «медиация» once
    12.9
    """
    if a + b == 0 or c == 0 or d == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2.0 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    g2 = max(g2, 0.0)  # rounding noise when a/c == b/d
    return g2 if a / c >= b / d else -g2


def log_ratio(a: float, c: float, ref_per_million: float) -> float:
    """log2 of the text's frequency over the reference's, per million, each plus one.

    >>> round(log_ratio(1, 1000, 0.574), 2), round(log_ratio(8, 1000, 833), 2)
    (9.31, 3.26)
    """
    here = a / c * 1e6 if c else 0.0
    return math.log2((here + SMOOTHING_PER_MILLION) / (ref_per_million + SMOOTHING_PER_MILLION))


def conservative_log_ratio(ratio: float, a: float, b: float, z: float = 1.96) -> float:
    """The lower end of a confidence interval for a log ratio of counts ``a`` and ``b``.

    The standard error of ln(a/b) for Poisson counts is √(1/a + 1/b): one
    occurrence leaves the ratio uncertain by a factor of about seven, fourteen
    pin it down, so «тюркский» (14) can outrank a hapax with a rarer reference.

    >>> round(conservative_log_ratio(9.31, 1, 574), 2), round(conservative_log_ratio(3.26, 8, 833_000), 2)
    (6.48, 2.26)
    """
    if a <= 0 or b <= 0:
        return ratio
    return ratio - z * math.sqrt(1 / a + 1 / b) / math.log(2)


def bonferroni_z(m: int, confidence: float = CONFIDENCE) -> float:
    """The two-sided normal quantile for ``m`` simultaneous intervals.

    >>> round(bonferroni_z(1), 2), round(bonferroni_z(500), 2)
    (1.96, 3.89)
    """
    alpha = (1 - confidence) / max(m, 1)
    return NormalDist().inv_cdf(1 - alpha / 2)
