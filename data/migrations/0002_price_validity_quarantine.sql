-- Price history and damaged-row quarantine.
--
-- An offering's prices hold from valid_from through valid_to (both days, YYYY-MM-DD; NULL is
-- open-ended); its earlier and later prices are kept in its row (`pricePeriods`). The columns
-- copy the row's own validity so SQLite can filter on it.
ALTER TABLE offerings ADD COLUMN valid_from TEXT;
ALTER TABLE offerings ADD COLUMN valid_to TEXT;
UPDATE offerings
SET valid_from = json_extract(data, '$.validFrom'),
    valid_to = json_extract(data, '$.validTo')
WHERE json_valid(data);
CREATE INDEX offerings_valid_to ON offerings (valid_to);

-- Rows whose stored text could not be read (not JSON): moved here, named to the user, so the
-- rest of the catalog keeps working. Nothing is deleted.
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  data TEXT NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL
) STRICT;
