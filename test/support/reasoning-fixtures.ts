import type { Catalog } from '../../core/schema/catalog.ts';
import type { ModelReasoning } from '../../core/schema/reasoning.ts';

/** A catalog with nothing in it: a test's scenario brings its own rows. */
export const EMPTY_CATALOG: Catalog = {
  providers: [],
  models: [],
  offerings: [],
  gpus: [],
  instances: [],
  regions: [],
  quality: [],
  discounts: [],
};

/**
 * A reasoning model's facts with round numbers: off, low (2.5 × the visible output, the default)
 * and high (3,000 tokens a request); aider-polyglot 60 at low, 70 at high.
 */
export function reasoningFacts(overrides: Partial<ModelReasoning> = {}): ModelReasoning {
  return {
    control: 'reasoning_effort',
    levels: [
      { effort: 'none', setting: 'reasoning off', quality: [] },
      {
        effort: 'low',
        setting: 'reasoning_effort: low',
        tokens: {
          multipleOfOutput: 2.5,
          basis: 'coding-task',
          method: 'test fixture',
          source: 'test fixture',
          asOf: '2026-01-01',
        },
        quality: [
          { benchmark: 'aider-polyglot', score: 60, source: 'test fixture', asOf: '2026-01-01' },
        ],
      },
      {
        effort: 'high',
        setting: 'reasoning_effort: high',
        tokens: {
          tokensPerRequest: 3000,
          basis: 'chat-request',
          method: 'test fixture',
          source: 'test fixture',
          asOf: '2026-01-01',
        },
        quality: [
          { benchmark: 'aider-polyglot', score: 70, source: 'test fixture', asOf: '2026-01-01' },
        ],
      },
    ],
    defaultEffort: 'low',
    defaultDocumented: true,
    visibility: 'hidden',
    billing: 'output',
    note: '',
    source: 'test fixture',
    asOf: '2026-01-01',
    ...overrides,
  };
}

/** A hosted reasoning model and a plain one, each with one offering ($1.25 in, $10 out, no cache). */
export function reasoningCatalogRows(reasoning: ModelReasoning = reasoningFacts()) {
  const model = (id: string, r?: ModelReasoning) => ({
    id,
    name: id === 'test-reasoner' ? 'Test Reasoner' : 'Test Plain',
    developer: 'test',
    family: 'test',
    openWeights: false,
    contextTokens: 200_000,
    ...(r ? { reasoning: r } : {}),
    source: 'test fixture',
    asOf: '2026-01-01',
  });
  const offering = (modelId: string) => ({
    id: `test/${modelId}`,
    provider: 'test',
    modelId,
    residency: 'global' as const,
    usdPerMTok: { input: 1.25, output: 10 },
    source: 'test fixture',
    asOf: '2026-01-01',
  });
  return {
    models: [model('test-reasoner', reasoning), model('test-plain')],
    offerings: [offering('test-reasoner'), offering('test-plain')],
  };
}
