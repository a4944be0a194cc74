-- 0003: every mention of an event (not only its evidence), the other articles it was merged with,
-- and the events merged across the articles of a story cluster (marsad.stories.events).
-- Offsets index articles.text of the article named on the row.

CREATE TABLE event_mentions (
    event       INTEGER NOT NULL REFERENCES events(num) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,        -- 0 is the evidence when the event lists it first
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;

-- Merged events: one row per interaction of a story cluster, rebuilt for a cluster whenever one
-- of its articles is added or replaced (end of ingest).
CREATE TABLE merged_events (
    num             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,    -- "m" + sha1 of the member event ids
    cluster         TEXT NOT NULL,           -- story_members.cluster
    type            TEXT NOT NULL,
    mode            TEXT,
    quad            TEXT NOT NULL,
    intensity       REAL NOT NULL,
    source_entity   TEXT,
    source_code     TEXT,
    target_entity   TEXT,
    target_code     TEXT,
    date            TEXT,
    date_precision  TEXT,
    modality        TEXT NOT NULL,
    dossiers        TEXT NOT NULL DEFAULT '[]',  -- JSON list
    confidence      REAL NOT NULL,
    articles        INTEGER NOT NULL,            -- number of distinct articles reporting it
    outlets         INTEGER NOT NULL             -- number of distinct outlets reporting it
);
CREATE INDEX merged_events_cluster ON merged_events(cluster);
CREATE INDEX merged_events_dyad ON merged_events(source_code, target_code, date);
CREATE INDEX merged_events_dyad_rev ON merged_events(target_code, source_code, date);

CREATE TABLE merged_event_mentions (
    merged      INTEGER NOT NULL REFERENCES merged_events(num) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    article     TEXT NOT NULL,               -- articles.id
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (merged, seq)
) WITHOUT ROWID;
CREATE INDEX merged_event_mentions_article ON merged_event_mentions(article);

-- The per-article events (events.id) merged into each merged event.
CREATE TABLE merged_event_members (
    merged      INTEGER NOT NULL REFERENCES merged_events(num) ON DELETE CASCADE,
    event       TEXT NOT NULL,
    PRIMARY KEY (merged, event)
) WITHOUT ROWID;
CREATE INDEX merged_event_members_event ON merged_event_members(event);
