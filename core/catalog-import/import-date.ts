import type { ImportFormat } from '../contract/shapes.ts';

/** Formats whose rows state no date of their own: every row takes the day the file is dated. */
export const FILE_DATED_FORMATS: readonly ImportFormat[] = ['litellm', 'genai-prices'];

/**
 * The day an import's prices are taken to be current unless the person says otherwise: the day
 * the file was last modified (a price file saved months ago holds that day's prices, not
 * today's), or today when the file system gave none or a day after today (a skewed clock).
 * Undefined for a format that dates its own rows (CSV, a catalog export): the import then reads
 * them as of today.
 */
export function defaultImportAsOf(
  format: ImportFormat,
  modifiedOn: string | undefined,
  today: string,
): string | undefined {
  if (!FILE_DATED_FORMATS.includes(format)) return undefined;
  return modifiedOn !== undefined && modifiedOn <= today ? modifiedOn : today;
}
