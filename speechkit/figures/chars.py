"""The characters a figure is made of and bounded by: spaces inside a line, group separators,
hyphens and dashes, minus signs, closing quotes, sentence ends."""

from __future__ import annotations

SPACES = " \t\u00a0\u2009\u202f\u2007"  # spaces inside a line; a figure never spans a line break
GROUP_SPACES = " \u00a0\u2009\u202f"  # thousands separators: «3 000 000»
HYPHENS = "-\u2010\u2011"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
MINUS_SIGNS = "-\u2212"
CLOSING_QUOTES = "»”\""
SENTENCE_ENDS = ".!?…\n"
