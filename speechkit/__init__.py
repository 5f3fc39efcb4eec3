"""speechkit: dissect Russian political speeches and news reports.

>>> from speechkit import analyze
>>> a = analyze("«Мы готовы к диалогу», — заявил министр.")
>>> [(s.kind, s.text) for s in a.segments][:1]
[('quote', '«Мы готовы к диалогу»')]
"""

from .model import (Analysis, Figure, Keyword, QuotedName, Segment, SourceInfo, Span, Speaker, SummarySentence,
                    ThemeSummary, Token)
from .pipeline import Options, analyze

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Figure", "Keyword", "Options", "QuotedName", "Segment", "SourceInfo", "Span", "Speaker",
    "SummarySentence", "ThemeSummary", "Token", "analyze", "__version__",
]
