-- 0004: stated stances (marsad.types.Stance): sentences saying two actors stand opposed or aligned
-- over an issue, with no interaction between them (not events). Offsets index articles.text.

CREATE TABLE stances (
    article         INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    a               TEXT NOT NULL,              -- actor codes, a < b
    b               TEXT NOT NULL,
    stance          TEXT NOT NULL,              -- opposed | aligned
    dossiers        TEXT NOT NULL DEFAULT '[]', -- JSON list
    modality        TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    cue_start       INTEGER,
    cue_end         INTEGER,
    cue_text        TEXT,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX stances_pair ON stances(a, b);
