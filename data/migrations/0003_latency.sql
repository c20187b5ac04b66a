-- Hosted-API latency in its own table: published medians (a public benchmark's) and the user's
-- own measurements (a load test), one of each per offering. A row's id is `offeringId|kind`.
--
-- Offerings used to carry a published median in their row (publishedTtftMs,
-- publishedOutputTokPerS). Those move here as published rows, with the offering's source, date
-- and bookkeeping, and leave the offering row: one source of truth.
CREATE TABLE latency (
  id TEXT PRIMARY KEY,
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  kind TEXT NOT NULL CHECK (kind IN ('published', 'measured')),
  ttft_ms REAL,
  output_tok_per_s REAL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX latency_offering ON latency (offering_id);

-- json_patch drops a key whose value is null: a row keeps only the figures the offering had.
INSERT INTO latency
  (id, offering_id, kind, ttft_ms, output_tok_per_s, data, source, as_of, origin, modified, updated_at)
SELECT
  id || '|published',
  id,
  'published',
  json_extract(data, '$.publishedTtftMs'),
  json_extract(data, '$.publishedOutputTokPerS'),
  json_patch(
    json_object('source', source, 'asOf', as_of, 'offeringId', id, 'kind', 'published'),
    json_object(
      'ttftMs', json_extract(data, '$.publishedTtftMs'),
      'outputTokPerS', json_extract(data, '$.publishedOutputTokPerS')
    )
  ),
  source,
  as_of,
  origin,
  modified,
  updated_at
FROM offerings
WHERE json_valid(data)
  AND (json_extract(data, '$.publishedTtftMs') IS NOT NULL
    OR json_extract(data, '$.publishedOutputTokPerS') IS NOT NULL);

UPDATE offerings
SET data = json_remove(data, '$.publishedTtftMs', '$.publishedOutputTokPerS')
WHERE json_valid(data)
  AND (json_extract(data, '$.publishedTtftMs') IS NOT NULL
    OR json_extract(data, '$.publishedOutputTokPerS') IS NOT NULL);
