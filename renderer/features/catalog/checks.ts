/**
 * The Checks panel's data (pure, tested without React): findings filtered by level and text,
 * and the counts by rule for its chips.
 */
import type { Finding, FindingLevel, RuleId } from '../../../core/catalog-check/rules.ts';
import { RULES } from '../../../core/catalog-check/rules.ts';

export interface ChecksFilter {
  level: FindingLevel | 'all';
  rule: RuleId | 'all';
  text: string;
}

export function filterFindings(findings: readonly Finding[], f: ChecksFilter): Finding[] {
  const text = f.text.trim().toLowerCase();
  return findings.filter(
    (x) =>
      (f.level === 'all' || x.level === f.level) &&
      (f.rule === 'all' || x.rule === f.rule) &&
      (text === '' || x.message.toLowerCase().includes(text)),
  );
}

/** Each rule with its level, description and count (rules with no finding included, at 0). */
export function ruleCounts(
  byRule: Partial<Record<RuleId, number>>,
): { rule: RuleId; level: FindingLevel; description: string; count: number }[] {
  return (Object.keys(RULES) as RuleId[]).map((rule) => ({
    rule,
    level: RULES[rule].level,
    description: RULES[rule].description,
    count: byRule[rule] ?? 0,
  }));
}
