-- The catalog, negotiated discounts, saved scenarios and seed bookkeeping.
--
-- Each catalog row keeps its validated JSON in `data` (what the engine reads); the other columns
-- are copies of its keys, filters and references (so SQLite can index and enforce them) and
-- bookkeeping: where the row came from (origin), whether the user changed a seed row (modified),
-- when its facts were read (as_of) and when the row was last written (updated_at).

CREATE TABLE providers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE models (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  developer TEXT NOT NULL,
  family TEXT NOT NULL,
  open_weights INTEGER NOT NULL CHECK (open_weights IN (0, 1)),
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE gpus (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  vendor TEXT NOT NULL,
  family TEXT NOT NULL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  cloud TEXT NOT NULL REFERENCES providers (id),
  code TEXT NOT NULL,
  residency TEXT NOT NULL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX regions_cloud ON regions (cloud);

CREATE TABLE offerings (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL REFERENCES providers (id),
  model_id TEXT NOT NULL REFERENCES models (id),
  residency TEXT NOT NULL,
  region_id TEXT REFERENCES regions (id),
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX offerings_provider ON offerings (provider);
CREATE INDEX offerings_model ON offerings (model_id);
CREATE INDEX offerings_region ON offerings (region_id);

CREATE TABLE instances (
  id TEXT PRIMARY KEY,
  cloud TEXT NOT NULL REFERENCES providers (id),
  instance_type TEXT NOT NULL,
  gpu_id TEXT NOT NULL REFERENCES gpus (id),
  gpu_count INTEGER NOT NULL,
  region_id TEXT NOT NULL REFERENCES regions (id),
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX instances_cloud ON instances (cloud);
CREATE INDEX instances_gpu ON instances (gpu_id);
CREATE INDEX instances_region ON instances (region_id);

-- A quality score's id is `modelId|benchmark`.
CREATE TABLE quality (
  id TEXT PRIMARY KEY,
  model_id TEXT NOT NULL REFERENCES models (id),
  benchmark TEXT NOT NULL,
  score REAL NOT NULL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'user')),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX quality_model ON quality (model_id);

-- A negotiated discount on a provider's list prices or on one offering: one per target.
CREATE TABLE discounts (
  id INTEGER PRIMARY KEY,
  provider TEXT REFERENCES providers (id) ON DELETE CASCADE,
  offering_id TEXT REFERENCES offerings (id) ON DELETE CASCADE,
  fraction REAL NOT NULL CHECK (fraction >= 0 AND fraction <= 0.95),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  CHECK ((provider IS NULL) <> (offering_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX discounts_provider ON discounts (provider) WHERE provider IS NOT NULL;
CREATE UNIQUE INDEX discounts_offering ON discounts (offering_id) WHERE offering_id IS NOT NULL;

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Seed rows the user deleted: later seed versions do not bring them back.
CREATE TABLE seed_tombstones (
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (tbl, id)
) STRICT, WITHOUT ROWID;

-- Small settings: `seed_version` is the content hash of the seed last merged.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
