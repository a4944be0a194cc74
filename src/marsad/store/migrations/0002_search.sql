-- 0002: full-text search. FTS5 does not fold Arabic, so the store indexes normalized text:
--   *_keys  : folded, clitic-stripped stem keys (Tokenizer.search_terms), e.g. وبوتين -> بوتين
--   *_stems : Snowball Arabic stems of those keys (PyStemmer), for recall
-- rowid = articles.num. Only canonical articles (not exact duplicates) are indexed.
CREATE VIRTUAL TABLE article_search USING fts5(
    title_keys, body_keys, title_stems, body_stems,
    tokenize = 'unicode61 remove_diacritics 2'
);
