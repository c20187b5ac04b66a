/** Calendar constants shared by every monthly figure, so all of them agree. */

/** Average hours in a month: 8,760 h a year ÷ 12 (the convention cloud price pages use). */
export const HOURS_PER_MONTH = 730;
/** Average days in a month: 365 ÷ 12. */
export const DAYS_PER_MONTH = 365 / 12;
/** Average weeks in a month: 365 ÷ 7 ÷ 12. */
export const WEEKS_PER_MONTH = 365 / 7 / 12;
export const SECONDS_PER_HOUR = 3600;
/** One million tokens: the unit every token price is quoted in. */
export const TOKENS_PER_MTOK = 1_000_000;
/** Sizes are reported in GiB ("GB" in the UI, as nvidia-smi and engines report them). */
export const BYTES_PER_GB = 1024 ** 3;
/** Bytes per datasheet "GB" of GPU memory: binary for HBM parts, decimal for GDDR parts. */
export const BYTES_PER_DATASHEET_GB = { hbm: 1024 ** 3, gddr: 1e9 } as const;
