import { afterEach, describe, expect, it } from 'vitest';
import { loadApp, openSession, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Types into the number field labelled `label` (exact), as a person would. */
async function setField(s: Session, label: string, value: string): Promise<void> {
  await s.page.getByLabel(label, { exact: true }).fill(value);
}

/** The detail's value for a fact label (the first `dt` that reads exactly so). */
function fact(s: Session, label: string) {
  return () =>
    s.page
      .getByTestId('candidate-details')
      .locator('dl > div', { has: s.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .first()
      .locator('dd')
      .textContent();
}

describe('reasoning and agent tasks in the app (Chromium)', () => {
  it(
    'a reasoning effort and an agent task shape give cost per task, visible TTFT and reasoning’s share',
    { timeout: 120_000 },
    async () => {
      session = await openSession();
      const s = session;
      await loadApp(s);
      // 1M tasks a month; a 1,000-token opening prompt, 200 visible tokens a turn, no caches.
      await setField(s, 'Requests', '1000000');
      await s.page.getByLabel('Counted per', { exact: true }).selectOption('month');
      await setField(s, 'Prompt, mean', '1000');
      await setField(s, 'Prompt, p95', '');
      await setField(s, 'Output, mean', '200');
      await setField(s, 'Output, p95', '');
      await setField(s, 'Cacheable prefix', '0');
      await s.page.getByTestId('reasoning-effort').selectOption('high');
      await s.page.getByTestId('counted-in').selectOption('tasks');
      await setField(s, 'Turns', '5');
      await setField(s, 'Tool tokens per turn', '1000');

      // Effort levels compare as candidates: GPT-5 at minimal and at high, side by side.
      await s.page.getByTestId('panel-candidates').click();
      const efforts = s.page.getByTestId('compare-efforts');
      await efforts.getByRole('button', { name: 'minimal', exact: true }).click();
      await efforts.getByRole('button', { name: 'high', exact: true }).click();
      await s.page.getByTestId('compare-filter').fill('openai/gpt-5@');
      await poll(() => s.page.locator('[data-row-key^="api:openai/gpt-5@"]').count()).toBe(2);
      await s.page.getByTestId('compare-filter').fill('openai/gpt-5@high');
      const gpt5 = s.page.locator('[data-row-key="api:openai/gpt-5@high"]');
      // GPT-5 at high: 5.45 × 200 = 1,090 reasoning tokens a turn; output (200 + 1,090) × $10 =
      // 12,900 µ$ a turn. Prompts 1,000, 2,200, 3,400, 4,600, 5,800; OpenAI caches prefixes of
      // 1,024 tokens or more, so turn 2's 1,000 carried tokens pay $1.25 and later turns read the
      // carried context at $0.125:
      //   1,250 + 2,750 + (1,500 + 275) + (1,500 + 425) + (1,500 + 575) + 5 × 12,900 = 74,275 µ$
      // a task → $74,275 a month; reasoning 5 × 1,090 × $10 = 54,500 µ$ of it, 73.4 %.
      await poll(() => gpt5.locator('[data-column="monthlyUsd"]').textContent()).toBe('$74,275');
      await gpt5.click();
      await poll(fact(s, 'Cost per task')).toMatch(/^\$0\.0742[78]$/);
      await poll(fact(s, 'Share of the cost')).toBe('73.4%');
      expect(await fact(s, 'Effort')()).toBe('high (reasoning_effort: high)');
      expect(await fact(s, 'Reasoning tokens a turn')()).toMatch(
        /^1,090 — 5\.45 × the visible output/,
      );
      expect(await fact(s, 'Cost per turn doubles')()).toBe('not within the task');

      // A self-hosted reasoner decodes its reasoning: the first visible token comes after it. The
      // default 800 ms TTFT objective cannot hold past 220 reasoning tokens: let it mean the first
      // token streamed.
      await s.page.getByTestId('panel-workload').click();
      await s.page.getByTestId('slo-ttft-of').selectOption('first');
      await s.page.getByTestId('compare-filter').fill('gpt-oss-120b h200 @high');
      const selfHosted = s.page.locator(
        '[data-row-key^="cloud:"][data-row-key$=":gpt-oss-120b:onDemand:vllm:fp8@high"]',
      );
      // The first one sized (its TTFT known): one H200 holds the weights.
      await poll(() => selfHosted.count()).toBeGreaterThan(0);
      const sized = selfHosted.filter({
        has: s.page.locator('[data-column="ttftMs"]', { hasNotText: '—' }),
      });
      await sized.first().click();
      await poll(fact(s, 'Reasoning tokens a turn')).toMatch(/^220 — 1\.1 × the visible output/);
      const first = await fact(s, 'Time to first token')();
      const visible = await fact(s, 'Time to first visible token')();
      expect(first).not.toBe('—');
      expect(visible).not.toBe('—');
      expect(visible).not.toBe(first);
      expect(await fact(s, 'Before the answer')()).toBe('the reasoning streams first');
      expect(s.errors).toEqual([]);
    },
  );
});
