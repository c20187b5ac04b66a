/** Saved scenarios: validated with the scenario schema, names unique (ignoring case). */
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { parseScenarioFile } from '../../core/scenario/parse.ts';
import type { Db } from './connection.ts';
import type { Result } from '../../core/contract/result.ts';
import type { ScenarioMeta, StoredScenario } from '../../core/contract/shapes.ts';

interface Stored {
  id: string;
  name: string;
  data: string;
  created_at: string;
  updated_at: string;
}

const MAX_NAME = 200;

function meta(s: Stored): ScenarioMeta {
  return { id: s.id, name: s.name, createdAt: s.created_at, updatedAt: s.updated_at };
}

export class ScenarioRepo {
  private readonly statements: {
    list: Statement<[], Stored>;
    get: Statement<[string], Stored>;
    byName: Statement<[string], Stored>;
    insert: Statement<[string, string, string, string, string]>;
    update: Statement<[string, string, string, string]>;
    remove: Statement<[string]>;
  };

  constructor(
    db: Db,
    private readonly now: () => Date,
    private readonly newId: () => string = randomUUID,
  ) {
    this.statements = {
      list: db.prepare(
        'SELECT id, name, data, created_at, updated_at FROM scenarios ORDER BY name COLLATE NOCASE, id',
      ),
      get: db.prepare('SELECT id, name, data, created_at, updated_at FROM scenarios WHERE id = ?'),
      byName: db.prepare(
        'SELECT id, name, data, created_at, updated_at FROM scenarios WHERE name = ?',
      ),
      insert: db.prepare(
        'INSERT INTO scenarios (id, name, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      update: db.prepare('UPDATE scenarios SET name = ?, data = ?, updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM scenarios WHERE id = ?'),
    };
  }

  list(): ScenarioMeta[] {
    return this.statements.list.all().map(meta);
  }

  get(id: string): Result<StoredScenario> {
    const stored = this.statements.get.get(id);
    if (stored === undefined) return { ok: false, error: `no scenario with id '${id}'` };
    const parsed = parseScenarioFile(JSON.parse(stored.data));
    if (!parsed.ok) {
      return { ok: false, error: `scenario '${stored.name}' no longer validates: ${parsed.error}` };
    }
    return { ok: true, data: { ...meta(stored), scenario: parsed.file } };
  }

  save(input: { id?: string; name: string; scenario: unknown }): Result<StoredScenario> {
    const name = this.checkName(input.name, input.id);
    if (!name.ok) return name;
    const body = input.scenario;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { ok: false, error: 'scenario: must be an object' };
    }
    const parsed = parseScenarioFile({ ...body, name: name.data });
    if (!parsed.ok) return { ok: false, error: `scenario: ${parsed.error}` };
    const stamp = this.now().toISOString();
    const data = JSON.stringify(parsed.file);
    if (input.id === undefined) {
      const id = this.newId();
      this.statements.insert.run(id, name.data, data, stamp, stamp);
      return this.get(id);
    }
    if (this.statements.get.get(input.id) === undefined) {
      return { ok: false, error: `no scenario with id '${input.id}'` };
    }
    this.statements.update.run(name.data, data, stamp, input.id);
    return this.get(input.id);
  }

  rename(id: string, newName: string): Result<ScenarioMeta> {
    const stored = this.statements.get.get(id);
    if (stored === undefined) return { ok: false, error: `no scenario with id '${id}'` };
    const name = this.checkName(newName, id);
    if (!name.ok) return name;
    const data = { ...(JSON.parse(stored.data) as object), name: name.data };
    this.statements.update.run(name.data, JSON.stringify(data), this.now().toISOString(), id);
    const renamed = this.statements.get.get(id);
    return renamed === undefined
      ? { ok: false, error: `no scenario with id '${id}'` }
      : { ok: true, data: meta(renamed) };
  }

  /** Copies a scenario as "name (copy)", or "name (copy 2)" … when that is taken. */
  duplicate(id: string): Result<StoredScenario> {
    const original = this.get(id);
    if (!original.ok) return original;
    const base = original.data.name;
    const copyName = (n: number) => {
      const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
      return base.slice(0, MAX_NAME - suffix.length) + suffix;
    };
    let n = 1;
    while (this.statements.byName.get(copyName(n)) !== undefined) n++;
    const name = copyName(n);
    return this.save({ name, scenario: original.data.scenario });
  }

  remove(id: string): Result<null> {
    const info = this.statements.remove.run(id);
    return info.changes === 0
      ? { ok: false, error: `no scenario with id '${id}'` }
      : { ok: true, data: null };
  }

  private checkName(raw: unknown, ownId: string | undefined): Result<string> {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (name === '') return { ok: false, error: 'name: a scenario needs a name' };
    if (name.length > MAX_NAME) {
      return { ok: false, error: `name: at most ${MAX_NAME} characters (got ${name.length})` };
    }
    const taken = this.statements.byName.get(name);
    if (taken !== undefined && taken.id !== ownId) {
      return { ok: false, error: `name: a scenario named '${taken.name}' already exists` };
    }
    return { ok: true, data: name };
  }
}
