import { UsageError } from './errors.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--flag` switches. `booleans` lists the switches
 * that take no value; `allowed` every option the command knows (anything else is refused by name).
 */
export function parseArgs(
  argv: readonly string[],
  allowed: readonly string[],
  booleans: readonly string[],
): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!allowed.includes(name)) {
      throw new UsageError(
        `unknown option --${name} (allowed: ${allowed.map((a) => `--${a}`).join(', ')})`,
      );
    }
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (booleans.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    // `--scenario=` (nothing after the '=') asks for no value either: it read as the file ''.
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}

export function stringFlag(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags.get(name);
  return v === true ? undefined : v;
}

export function requiredFlag(a: ParsedArgs, name: string): string {
  const v = stringFlag(a, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** A whole number from `min` to `max`, named in the error. */
export function intFlag(a: ParsedArgs, name: string, min: number, max = 1e9): number | undefined {
  const raw = stringFlag(a, name);
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw new UsageError(
      `--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got '${raw}')`,
    );
  }
  return n;
}

export function enumFlag<T extends string>(
  a: ParsedArgs,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = stringFlag(a, name);
  if (raw === undefined) return undefined;
  if (!values.includes(raw as T)) {
    throw new UsageError(`--${name} must be one of ${values.join(', ')} (got '${raw}')`);
  }
  return raw as T;
}
