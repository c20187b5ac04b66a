import { formatNumber } from '../format.ts';
import type { CandidateCommitment } from './types.ts';

const UNIT_WORDS: Record<CandidateCommitment['unit'], [string, string]> = {
  instance: ['instance', 'instances'],
  ptu: ['PTU', 'PTUs'],
  'model-unit': ['model unit', 'model units'],
  gsu: ['GSU', 'GSUs'],
};

/** A count of committed units as a person reads it: "4 instances", "1,640 PTUs", "1 GSU". */
export function unitsText(unit: CandidateCommitment['unit'], count: number): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
