"""A phrase that names a post or a body, in the nominative: «пресс-службы акимата» → «пресс-служба
акимата», «Всемирного банка» → «Всемирный банк». The head noun and the adjectives before it agree in the
nominative; the complements stay as written. Used for roles (``people``), bodies (``bodies``) and the
descriptions a speaker may be (``person_phrases``, ``attribution``).
"""

from __future__ import annotations

import functools

from . import morph, regexes


@functools.lru_cache(maxsize=20_000)  # pymorphy3 inflects slowly; bodies and roles recur
def _nominative_head(phrase: str, body: bool = False) -> str:
    """«пресс-службы акимата» → «пресс-служба акимата», «Всемирного банка» → «Всемирный банк»: the
    head noun and the adjectives before it in the nominative, agreeing; the complements as written.

    ``body``: the phrase names one organisation, whose name is singular: of the dictionary's guesses
    at an unknown name a singular one is taken («сообщении Акорды» → «Акорда», not «Акорды»).
    """
    words = phrase.split()
    if words and _post_adjective(words[0]) and (len(words) == 1 or morph.parses(words[1].lower())[0].tag.POS == "PREP"):
        # «Уполномоченного по правам человека» → «Уполномоченный по правам человека»: a post that is an adjective
        # made a noun heads the phrase (not «правам» → «уполномоченные по права»)
        form = next((p.inflect({"nomn", "sing"}) for p in morph.parses(words[0].lower())[:3]
                     if p.tag.POS in ("ADJF", "PRTF")), None)
        return " ".join([_cap_as(form.word, words[0]) if form is not None else words[0], *words[1:]])
    head = next((k for k, w in enumerate(words) if any(p.tag.POS == "NOUN" for p in morph.parses(w.lower())[:1])
                 and not _unknown_place_adjective(w)), None)
    if head is None:
        return phrase.strip()
    noun, gender, number = _nominative_noun(words[head], body)
    out = []
    for k, w in enumerate(words[:head]):
        form = None
        for p in morph.parses(w.lower())[:3]:
            if p.tag.POS in ("ADJF", "PRTF"):
                wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
                form = p.inflect(wanted)
                break
        if form is None and _unknown_place_adjective(w):
            # «Лидском райисполкоме» → «Лидский райисполком»: a place's adjective the dictionary lacks, its ending
            # the head's gender and number
            stem = w[: w.lower().rfind("к") + 1]
            w = stem + ("ие" if number == "plur" else {"femn": "ая", "neut": "ое"}.get(gender or "", "ий"))
        out.append(_cap_as(form.word, w) if form is not None else w)
    out.append(_cap_as(noun, words[head]))
    return " ".join(out + words[head + 1 :])


_PLACE_ADJECTIVE_CASE = regexes.compile(r"[сц]к(?:ом|ого|ому|им|их|ими|ое|ие)$")


def _unknown_place_adjective(word: str) -> bool:
    """«Лидском», «Несвижского»: a capitalised place's adjective in a case that no surname takes, unknown to the
    dictionary (which guesses a noun in it)."""
    return word[:1].isupper() and bool(_PLACE_ADJECTIVE_CASE.search(word.lower())) \
        and not morph.analyzer().word_is_known(word.lower())


@functools.lru_cache(maxsize=20_000)  # pymorphy3 inflects slowly; bodies and roles recur
def _nominative_noun(word: str, singular: bool = False) -> tuple[str, str | None, str]:
    """(the noun in the nominative, its gender, its number)."""
    fixed = morph.overrides().get(word.lower())
    if fixed is not None and fixed[1] == "NOUN":
        return fixed[0], None, "sing"  # «маслихате» → «маслихат» (data/lemma_overrides.tsv), not «маслихата»
    parses = morph.parses(word.lower())[:5]
    if singular and not any("Pltm" in p.tag.grammemes for p in parses[:1]):
        parses = sorted(parses, key=lambda p: "sing" not in p.tag.grammemes)
    for p in parses[:3]:
        if p.tag.POS != "NOUN":
            continue
        number = "plur" if "plur" in p.tag.grammemes else "sing"
        gender = next((g for g in ("masc", "femn", "neut") if g in p.tag.grammemes), None)
        if "nomn" in p.tag.grammemes:
            return word.lower(), gender, number
        form = p.inflect({"nomn", number})
        if form is not None:
            return form.word, gender, number
    return word.lower(), None, "sing"


@functools.lru_cache(maxsize=5_000)
def quoted_name_in_place(quoted: str) -> str:
    """A company's quoted name after «в» back in the nominative: «в «Уральских авиалиниях»» → «Уральские
    авиалинии», «в «Либерти Банке»» → «Либерти Банк». Without a kind's noun before it («в компании
    «Уральские авиалинии»») the name declines as its words do; each word the dictionary reads in the
    prepositional case takes the nominative of the same number, and a word it does not know stays as
    written (a guess at «Кыргызалтыне» would make «Кыргызалтыня»).
    """
    opening, inner, closing = quoted[:1], quoted[1:-1], quoted[-1:]
    out = []
    for w in inner.split(" "):
        form = None
        if w[:1].isalpha() and morph.analyzer().word_is_known(w.lower()) \
                and "Fixd" not in morph.parses(w.lower())[0].tag.grammemes:  # («Либерти»: written alike in every case)
            parse = next((p for p in morph.parses(w.lower())[:4] if p.tag.case == "loct"), None)
            if parse is None:
                return quoted  # a word no prepositional reads in: the name is as written («в «Белавиа»»)
            form = parse.inflect({"nomn"})
        out.append(_cap_as(form.word, w) if form is not None else w)
    return opening + " ".join(out) + closing


def _cap_as(form: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return written
    form = form.replace("ё", "е") if "ё" not in written.lower() else form
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


def _post_adjective(word: str) -> bool:
    """«Уполномоченный», «Управляющий»: an adjective or participle whose lemma is a listed post (roles.txt)."""
    from .roles import is_role_word  # (roles builds on this module)
    from .text import norm_word

    p = morph.parses(word.lower())[0]
    return p.tag.POS in ("ADJF", "PRTF") and is_role_word(norm_word(p.normal_form))
