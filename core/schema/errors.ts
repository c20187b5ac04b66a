import type { z } from 'zod';

/** Formats a path like `workload.inputTokens.mean` or `candidates[2].kind`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per issue, each naming the field: the message a user sees for bad input. */
export function describeZodError(error: z.ZodError, root = ''): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = formatPath(issue.path);
      const where = [root, path].filter((s) => s !== '').join(path.startsWith('[') ? '' : '.');
      return `${where === '' ? '(top level)' : where}: ${issue.message}`;
    })
    .join('; ');
}
