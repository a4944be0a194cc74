"""Quotes: direct and reported speech attributed to a speaker.

:class:`QuoteExtractor` (pipeline component ``quotes``) runs after the actor layer and reads
``article.mentions``. The cue words and thresholds are data (``events/data/quote_cues.yaml``),
loaded into a :class:`QuoteCues` object; see ``events/data/README_quotes_figures.md``.

How a quote is found
    1. **A speech verb** (قال، أكد، أشار، أوضح ... in their past, imperfect, dual, plural and
       participle forms, with و/ف attached) is followed, within ``max_gap_words`` words of the same
       sentence, by the start of its content: a complementizer (إن، أن، بأن ...), a colon, or an
       opening quotation mark (for أعرب عن / نفى the words right after the verb). Weak verbs
       (ذكر، تابع، رأى ...) need one of those; other verbs too.
    2. **A headline** ``بوتين: ...`` (an actor's mention opening a line, or right after the
       ``outlet :`` of a press-file item, followed by a colon) quotes the rest of the line.
    3. **According to** (وفق، بحسب، نقلا عن + a source): the content is the clause before the cue,
       or the rest of the sentence when the cue opens it.
    4. A verb with its speaker but no content after it (``«...»، قال بوتين``) takes the quotation
       that closes just before it.

The content ends at the end of the sentence (periods inside an open quotation do not count), or
at the closing mark when it opens with one, or before a following ``، مضيفا ...`` / ``، وفق ...``
clause. ``text`` excludes the quotation marks, the complementizer and the final full stop.
``direct`` is true when the content is (or contains) a quotation of two words or more.

Who said it (the speaker)
    * the first actor mention (person, then organization or state) between the verb and its
      content (verb-first: ``وقال الرئيس الروسي فلاديمير بوتين إن``), or an unnamed source there
      (``مصدر دبلوماسي تركي``: no entity, the words as the name);
    * otherwise, for participles (مشيرا، مضيفا) and continuation verbs (وأضاف، وتابع): the speaker
      of the previous quote, when it is within ``carry_chars``;
    * otherwise the actor mention just before the verb in its sentence (subject-first:
      ``وكان أردوغان قد أكد``), not governed by a preposition;
    * after من جهته / من جانبه / بدوره: the last person mentioned before.
    * a title and a name the knowledge base lacks (``الباحث فلان``، ``د. فلان``): no entity, the name
      words as ``speaker_name``; later ``وذكر فلان`` (the surname) or ``وأضاف الباحث`` refer back to it.
    * news media (KB outlets, ``صحيفة/وكالة ...`` heads): ``نقلت صحيفة X عن Y`` is Y's quote; a medium
      with a speech verb speaks; ``بحسب وكالة X`` without one is no quote; ``outlet :headline`` lines
      are not speech of the outlet. See ``README_quotes_figures.md``.
    No speaker found: no quote.
"""

from marsad.events.quotes.cues import QuoteCues, load_media_ids
from marsad.events.quotes.extractor import QuoteExtractor

__all__ = ["QuoteCues", "QuoteExtractor", "load_media_ids"]
