/**
 * Reads a field's label, description and (for numbers) rules out of its zod schema — bounds, whole
 * or not, optional, default — so a form shows and enforces exactly what the schema parses, and
 * the two cannot drift apart.
 */
import { z } from 'zod';

/** What a form shows of any field: its label and what it means. */
export interface FieldLabel {
  /** Where the field is (`slo.ttftMs`). */
  path: string;
  /** The schema's title: the form's label. */
  label: string;
  description: string | undefined;
}

export interface NumberFieldRules extends FieldLabel {
  min: number | undefined;
  /** The minimum itself is refused (a strictly positive field). */
  minExclusive: boolean;
  max: number | undefined;
  maxExclusive: boolean;
  integer: boolean;
  /** The field may be left unset: no value and no default. */
  optional: boolean;
  /** What the engine uses when the field is left out. */
  defaultValue: number | undefined;
}

/**
 * The label of the field at `path` (object keys) inside `schema`, through optional and default
 * wrappers and refinements. Throws for a path that leads to no field with a title: a mistake in
 * the form's code, found the first time the form loads.
 */
export function fieldLabel(schema: ZodSchema, path: readonly string[]): FieldLabel {
  return fieldAt(schema, path).label;
}

/** The rules of the number field at `path` inside `schema`; throws, like fieldLabel, for anything else. */
export function numberFieldRules(schema: ZodSchema, path: readonly string[]): NumberFieldRules {
  const { label, inner, optional, defaultValue } = fieldAt(schema, path);
  if (!(inner instanceof z.ZodNumber)) throw new Error(`the field '${label.path}' is not a number`);
  const min = bound(inner, inner.minValue, +1);
  const max = bound(inner, inner.maxValue, -1);
  return {
    ...label,
    min: min?.value,
    minExclusive: min?.exclusive ?? false,
    max: max?.value,
    maxExclusive: max?.exclusive ?? false,
    integer: inner.isInt,
    optional: optional && typeof defaultValue !== 'number',
    defaultValue: typeof defaultValue === 'number' ? defaultValue : undefined,
  };
}

type Meta = { title?: unknown; description?: unknown };

/**
 * Any zod schema. Typed loosely on purpose: checking that a large schema's type is assignable to
 * z.ZodType costs the type checker seconds, and the walk checks what it finds at run time anyway.
 */
type ZodSchema = { readonly _zod: object };

function fieldAt(schema: ZodSchema, path: readonly string[]) {
  const where = path.join('.');
  let node = schema as z.ZodType;
  for (const key of path) {
    const object = unwrap(node).inner;
    if (!(object instanceof z.ZodObject) || !Object.hasOwn(object.shape, key))
      throw new Error(`no field '${key}' at '${where}'`);
    node = object.shape[key] as z.ZodType;
  }
  const { inner, meta, optional, defaultValue } = unwrap(node);
  if (typeof meta.title !== 'string') throw new Error(`the field '${where}' has no title`);
  const description = typeof meta.description === 'string' ? meta.description : undefined;
  return { label: { path: where, label: meta.title, description }, inner, optional, defaultValue };
}

/** Peels optional and default wrappers, gathering metadata (the outer wins) on the way in. */
function unwrap(schema: z.ZodType): {
  inner: z.ZodType;
  meta: Meta;
  optional: boolean;
  defaultValue: unknown;
} {
  let inner = schema;
  let meta: Meta = {};
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    meta = { ...(inner.meta() as Meta | undefined), ...meta };
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      defaultValue ??= inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else {
      return { inner, meta, optional, defaultValue };
    }
  }
}

/**
 * A bound as a form states it. minValue and maxValue merge inclusive and exclusive bounds: the
 * schema says which by whether it accepts the bound itself. A whole-number field's exclusive
 * bound is its next whole number, inclusive ("at least 1", not "more than 0").
 */
function bound(
  schema: z.ZodNumber,
  value: number | null,
  inward: 1 | -1,
): { value: number; exclusive: boolean } | undefined {
  if (value === null || !Number.isFinite(value)) return undefined;
  if (schema.safeParse(value).success) return { value, exclusive: false };
  if (schema.isInt && Number.isInteger(value)) return { value: value + inward, exclusive: false };
  return { value, exclusive: true };
}
