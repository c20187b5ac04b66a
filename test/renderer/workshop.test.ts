import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../core/contract/menu.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { withSnapshot } from '../../core/scenario/snapshots.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { parseNumberInput } from '../../renderer/components/number-input.ts';
import { contrastRatio } from '../../renderer/features/charts/contrast.ts';
import { candidateLabelParts } from '../../core/charts/candidate-label.ts';
import {
  defaultScenario,
  defaultScenarioFile,
} from '../../renderer/features/scenarios/default-scenario.ts';
import { copyName, planNew, planSave } from '../../renderer/features/scenarios/save-plan.ts';
import { scenarioColumn, sideBySide } from '../../renderer/features/scenarios/side-by-side.ts';
import {
  fromPosition,
  scaleAround,
  stepped,
  toPosition,
} from '../../renderer/features/whatif/slider-scale.ts';
import { whatIfSlider } from '../../renderer/features/whatif/what-if-sliders.ts';
import {
  commandFor,
  SHORTCUTS,
  type PageCommand,
} from '../../renderer/features/workshop/shortcuts.ts';
import { updateWorkload, useWorkspace } from '../../renderer/stores/workspace-store.ts';
import { workedExampleScenario } from '../support/scenarios.ts';

const catalog = { ...readSeed(), discounts: [] };

describe('what-if sliders people can steer', () => {
  const volume = whatIfSlider('volume');

  it('volume moves on a log scale within ÷30…×30 of where it starts', () => {
    const scale = scaleAround(1_000_000, volume.range, true);
    // 1,000,000 ÷ 30 = 33,333.3; × 30 = 30,000,000: three decades over the slider.
    expect(scale.min).toBeCloseTo(33_333.33, 1);
    expect(scale.max).toBe(30_000_000);
    expect(scale.log).toBe(true);
    expect(toPosition(1_000_000, scale)).toBe(500);
    // 20 of 1,000 steps right: 33,333.3 × 900^0.52 = 1,145,793; one step there is × 900^0.001
    // (+0.68 %, 7,800 requests), so it is shown to the thousand below: 1,146,000.
    expect(fromPosition(520, scale)).toBe(1_146_000);
    // Each arrow-key step moves it: no two neighbouring positions give the same value.
    for (let p = 0; p < 1000; p++)
      expect(fromPosition(p + 1, scale)).toBeGreaterThan(fromPosition(p, scale));
    // At the field's lower limit (1 a month) the window shifts up instead of going below it.
    const low = scaleAround(5, volume.range, true);
    expect(low.min).toBe(1);
    expect(low.max).toBe(900);
  });

  it('shares move over 0–100 %; tokens within ÷10…×10, whole', () => {
    expect(scaleAround(0.6, whatIfSlider('cache').range)).toEqual({
      min: 0,
      max: 1,
      log: false,
      integer: false,
    });
    const prompt = scaleAround(1800, whatIfSlider('prompt').range, true);
    expect([prompt.min, prompt.max]).toEqual([180, 18_000]);
    for (let p = 0; p <= 1000; p += 37)
      expect(Number.isInteger(fromPosition(p, prompt))).toBe(true);
    // The prompt slider writes a whole p95: 4,000 × 2,790 / 1,800 = 6,200.
    const s = whatIfSlider('prompt').write(defaultScenario(), fromPosition(600, prompt));
    expect(s.workload.inputTokens.mean).toBe(fromPosition(600, prompt));
    expect(Number.isInteger(s.workload.inputTokens.p95)).toBe(true);
  });

  it('×½, ×2 and ×10 keep volume whole and within its limits', () => {
    const limits = { min: volume.range.min, max: volume.range.max };
    expect(stepped(1_520_833.33, 10, limits, true)).toBe(15_208_333);
    expect(stepped(3, 0.5, limits, true)).toBe(2);
    expect(stepped(5e11, 10, limits, true)).toBe(1e12);
  });

  it('typed entry takes 15M, 1.5k and 60%', () => {
    expect(parseNumberInput('15M', { compact: true, min: 0 })).toEqual({ ok: true, value: 15e6 });
    expect(parseNumberInput('1.5k', { compact: true })).toEqual({ ok: true, value: 1500 });
    expect(parseNumberInput('1.1m', { compact: true })).toEqual({ ok: true, value: 1_100_000 });
    expect(parseNumberInput('60%', { percent: true, min: 0, max: 1 })).toEqual({
      ok: true,
      value: 0.6,
    });
    expect(parseNumberInput('12x', { compact: true })).toEqual({
      ok: false,
      error: 'must be a number',
    });
    expect(parseNumberInput('2T', { compact: true, max: 1e12 })).toEqual({
      ok: false,
      error: 'must be at most 1,000,000,000,000',
    });
  });
});

describe('saving never writes over another scenario unasked', () => {
  const saved = [
    { id: 'a', name: 'Baseline', createdAt: '', updatedAt: '' },
    { id: 'b', name: 'Scale-up', createdAt: '', updatedAt: '' },
  ];
  it('plans each save', () => {
    expect(planSave({ savedId: 'a', savedName: 'Baseline', name: 'Baseline' }, saved)).toEqual({
      kind: 'update',
      id: 'a',
      name: 'Baseline',
    });
    // Renamed in the top bar since it was saved: ask (a new one, or a rename?).
    expect(planSave({ savedId: 'a', savedName: 'Baseline', name: 'Baseline ×10' }, saved)).toEqual({
      kind: 'ask-renamed',
      id: 'a',
      savedName: 'Baseline',
      name: 'Baseline ×10',
    });
    // Never saved, under a name another has (names ignore case): ask before replacing it.
    expect(planSave({ savedId: null, savedName: null, name: 'scale-up ' }, saved)).toEqual({
      kind: 'ask-replace',
      name: 'scale-up',
      otherId: 'b',
      otherName: 'Scale-up',
    });
    expect(planNew('Fresh', saved)).toEqual({ kind: 'insert', name: 'Fresh' });
    expect(copyName('Baseline', saved)).toBe('Baseline (copy)');
    expect(
      copyName('Baseline', [...saved, { ...saved[0]!, id: 'c', name: 'Baseline (copy)' }]),
    ).toBe('Baseline (copy 2)');
  });
});

describe('undo reaches across snapshots', () => {
  beforeEach(() => useWorkspace.getState().load(defaultScenarioFile(), null));

  it('keeps every snapshot while undo and redo move the assumptions', () => {
    updateWorkload({ batchShare: 0.5 });
    const state = useWorkspace.getState();
    state.setSnapshots(withSnapshot(state.scenario, 'Baseline', new Date()).snapshots ?? []);
    updateWorkload({ batchShare: 0.2 });
    useWorkspace.getState().undo();
    useWorkspace.getState().undo();
    const s = useWorkspace.getState().scenario;
    // Back before the snapshot was taken, and the snapshot is still there.
    expect(s.workload.batchShare).toBe(0);
    expect(s.snapshots?.map((x) => x.name)).toEqual(['Baseline']);
    expect(s.snapshots?.[0]?.scenario.workload.batchShare).toBe(0.5);
    useWorkspace.getState().redo();
    expect(useWorkspace.getState().scenario.snapshots).toHaveLength(1);
  });
});

describe('candidate labels keep the part that tells them apart', () => {
  const e = evaluateScenario(catalog, defaultScenario());
  if (!e.ok) throw new Error(e.error);
  const rows = e.result.rankedRows();

  it('model and GPU first, where it runs under it', () => {
    const cloud = rows.find((r) => r.kind === 'cloud' && r.selfHost !== null)!;
    const gpu = e.index.gpus.get(cloud.selfHost!.gpuId)!.name;
    const parts = candidateLabelParts(cloud, e.index);
    expect(parts.primary.startsWith(cloud.modelName)).toBe(true);
    expect(parts.primary).toContain(gpu);
    expect(parts.secondary.startsWith(cloud.provider.toUpperCase())).toBe(true);
    const api = rows.find((r) => r.kind === 'api')!;
    const apiParts = candidateLabelParts(api, e.index);
    expect(apiParts.primary).toBe(api.modelName);
    expect(apiParts.secondary).not.toContain(api.modelName);
    const owned = rows.find((r) => r.kind === 'onprem' && r.selfHost !== null)!;
    expect(candidateLabelParts(owned, e.index).primary).toContain(
      e.index.gpus.get(owned.selfHost!.gpuId)!.name,
    );
  });
});

describe('scenarios side by side', () => {
  it('changes against the first column, the assumptions that differ highlighted', () => {
    const base = Scenario.parse(workedExampleScenario());
    const bigger = Scenario.parse({
      ...workedExampleScenario(),
      name: 'Ten times',
      workload: {
        ...(workedExampleScenario()['workload'] as object),
        requests: { count: 15_000_000, per: 'month' },
      },
    });
    const table = sideBySide([scenarioColumn(catalog, base), scenarioColumn(catalog, bigger)]);
    const monthly = table.measures.find((m) => m.key === 'monthlyUsd')!;
    // $11,015.19 → $110,151.90: +$99,137 (+900 %), and the first column is the base.
    expect(monthly.cells.map((c) => [c.text, c.change, c.differs])).toEqual([
      ['$11,015', '', false],
      ['$110,152', '+$99,137 (+900%)', true],
    ]);
    expect(table.winners.map((w) => w.differs)).toEqual([false, false]);
    expect(table.assumptions).toEqual([
      {
        path: 'workload.requests',
        label: 'Requests / month',
        cells: [
          { text: '1,500,000', change: '', direction: 'neutral', differs: false },
          { text: '15,000,000', change: '', direction: 'neutral', differs: true },
        ],
      },
    ]);
  });
});

describe('keyboard', () => {
  const press = (key: string, over: { mod?: boolean; shift?: boolean } = {}) => ({
    key,
    mod: over.mod ?? false,
    shift: over.shift ?? false,
    alt: false,
  });
  const anywhere = { typing: false, withModifiers: true };

  it('every workshop action has a shortcut, each key one action', () => {
    const page: PageCommand[] = [
      'workshop:compare',
      'workshop:restore',
      'workshop:volume-half',
      'workshop:volume-double',
      'workshop:volume-x10',
      'view:inputs',
    ];
    const listed = new Set(SHORTCUTS.map((s) => s.command));
    for (const c of [...MENU_COMMANDS, ...page]) expect(listed.has(c), c).toBe(true);
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('single keys act, except while typing; Ctrl keys are the menus’ in the desktop app', () => {
    expect(commandFor(press('s'), anywhere)).toBe('workshop:snapshot');
    expect(commandFor(press('S', { shift: true }), anywhere)).toBe(null);
    expect(commandFor(press('s'), { typing: true, withModifiers: true })).toBe(null);
    expect(commandFor(press('s', { mod: true }), anywhere)).toBe('scenario:save');
    expect(commandFor(press('S', { mod: true, shift: true }), anywhere)).toBe('scenario:save-as');
    expect(commandFor(press('s', { mod: true }), { typing: false, withModifiers: false })).toBe(
      null,
    );
    expect(commandFor(press('?', { shift: true }), anywhere)).toBe('help:shortcuts');
    expect(commandFor(press('}', { shift: true }), anywhere)).toBe('workshop:volume-x10');
    expect(commandFor(press(']'), anywhere)).toBe('workshop:volume-double');
    expect(commandFor(press('p'), anywhere)).toBe('view:presenter');
  });
});

describe('chart text is legible in both themes', () => {
  /** The custom properties of one rule of the stylesheet. */
  function themeVars(selector: string): Record<string, string> {
    const css = readFileSync('renderer/styles/app.css', 'utf8');
    const start = css.indexOf(`${selector} {`);
    const body = css.slice(start, css.indexOf('}', start));
    return Object.fromEntries(
      [...body.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]),
    );
  }

  it('axis, legend and tooltip text has 4.5:1 contrast on the chart’s background', () => {
    const light = themeVars(':root');
    const dark = { ...light, ...themeVars(":root[data-theme='dark']") };
    for (const theme of [light, dark]) {
      // Charts sit on cards (--panel) and tooltips are drawn on it: ticks and titles in --muted,
      // legends and tooltip text in --text.
      for (const text of ['--text', '--muted']) {
        expect(contrastRatio(theme[text]!, theme['--panel']!)).toBeGreaterThanOrEqual(4.5);
      }
    }
    // The arithmetic, checked once: black on white is 21:1, a colour on itself 1:1.
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('rgb(21, 27, 35)', '#151b23')).toBeCloseTo(1, 6);
  });
});
