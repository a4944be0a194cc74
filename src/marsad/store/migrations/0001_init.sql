-- 0001: articles and every layer the pipeline adds, story clusters, MinHash signatures, ingest log.
-- Offsets (start/end) are character offsets into articles.text, end exclusive.
-- Tokens are not stored: they are recomputed from the text by the tokenizer when asked for
-- (Store.get_article(id, tokens=True)); storing them tripled the database for little use.

CREATE TABLE articles (
    num             INTEGER PRIMARY KEY,          -- internal key used by the layer tables
    id              TEXT NOT NULL UNIQUE,         -- the article's stable id (input id or derived)
    content_hash    TEXT NOT NULL,                -- sha1 of Normalizer().key(text)
    duplicate_of    TEXT REFERENCES articles(id), -- set when an earlier article has the same content_hash
    text            TEXT NOT NULL,
    title           TEXT,
    outlet          TEXT,
    author          TEXT,
    published       TEXT,                         -- YYYY-MM-DD
    url             TEXT,
    source          TEXT,                         -- path of the file it was read from
    source_line     INTEGER,
    source_offset   INTEGER NOT NULL DEFAULT 0,
    parent          TEXT,                         -- id of the press compilation it came from
    lang            TEXT,
    category        TEXT,
    flags           TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    notes           TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    sentences       TEXT NOT NULL DEFAULT '[]',   -- JSON [[start, end], ...]
    repeated_paragraphs TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end], ...]
    added_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- One canonical article per content hash; duplicates point at it.
CREATE UNIQUE INDEX articles_canonical_hash ON articles(content_hash) WHERE duplicate_of IS NULL;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE INDEX articles_source ON articles(source, source_line);

CREATE TABLE entities (
    article     INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    id          TEXT NOT NULL,        -- KB id or doc:<kind>:<n>
    kind        TEXT NOT NULL,
    name_en     TEXT,
    name_ar     TEXT,
    country     TEXT,
    code        TEXT,
    kb          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX entities_id ON entities(id);
CREATE INDEX entities_code ON entities(code);

CREATE TABLE mentions (
    article     INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    entity      TEXT NOT NULL,
    method      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    acts_for    TEXT
);
CREATE INDEX mentions_article ON mentions(article, start);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE events (
    num             INTEGER PRIMARY KEY,
    article         INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    id              TEXT NOT NULL UNIQUE,
    type            TEXT NOT NULL,        -- PLOVER type
    mode            TEXT,
    quad            TEXT NOT NULL,
    intensity       REAL NOT NULL,
    source_entity   TEXT,
    source_code     TEXT,
    target_entity   TEXT,
    target_code     TEXT,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    trigger_text    TEXT,
    date            TEXT,                 -- YYYY-MM-DD, YYYY-MM or YYYY
    date_precision  TEXT,
    modality        TEXT NOT NULL,
    confidence      REAL NOT NULL,
    seq             INTEGER NOT NULL      -- position in the article's event list
);
-- The dyad model reads events by (source, target, period) in both directions, by type and by date.
CREATE INDEX events_dyad ON events(source_code, target_code, date);
CREATE INDEX events_dyad_rev ON events(target_code, source_code, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_article ON events(article, seq);

CREATE TABLE event_dossiers (
    event       INTEGER NOT NULL REFERENCES events(num) ON DELETE CASCADE,
    dossier     TEXT NOT NULL,
    PRIMARY KEY (dossier, event)
) WITHOUT ROWID;
CREATE INDEX event_dossiers_event ON event_dossiers(event);

CREATE TABLE quotes (
    article         INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    speaker_entity  TEXT,
    speaker_name    TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    cue_text        TEXT,
    direct          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity);

CREATE TABLE quantities (
    article     INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL NOT NULL,
    unit        TEXT,
    what        TEXT,
    date        TEXT,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX quantities_what ON quantities(what, date);

CREATE TABLE article_dossiers (
    article     INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    dossier     TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (dossier, article)
) WITHOUT ROWID;
CREATE INDEX article_dossiers_article ON article_dossiers(article);

-- Story clusters: every canonical article belongs to one cluster, named by the id of its first article.
CREATE TABLE story_members (
    article     INTEGER PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE,
    cluster     TEXT NOT NULL,
    similarity  REAL NOT NULL DEFAULT 1.0  -- estimated Jaccard with the member it was matched to
);
CREATE INDEX story_members_cluster ON story_members(cluster);

CREATE TABLE minhashes (
    article     INTEGER PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE,
    num_perm    INTEGER NOT NULL,
    seed        INTEGER NOT NULL,
    shingle     INTEGER NOT NULL,
    scheme      TEXT NOT NULL,         -- datasketch hashing scheme
    hashvalues  BLOB NOT NULL          -- num_perm little-endian uint64
);

CREATE TABLE ingest_log (
    num         INTEGER PRIMARY KEY,
    path        TEXT NOT NULL DEFAULT '',
    line        INTEGER NOT NULL DEFAULT 0,  -- 0 when the failure concerns a whole file
    message     TEXT NOT NULL,
    first_seen  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_seen   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    seen        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (path, line, message)
);
