import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../core/charts/wrap-label.ts';

describe('wrapLabel', () => {
  it('breaks a long label at spaces, keeps given lines and words whole', () => {
    // 'Requests per month' is 18 characters; with ' (770,000' it would be 27 > 24.
    expect(wrapLabel('Requests per month (770,000 → 2,400,000)', 24)).toEqual([
      'Requests per month',
      '(770,000 → 2,400,000)',
    ]);
    // 'Gemma 3 12B · NVIDIA' is 20; adding ' A100' makes 25 > 24.
    expect(wrapLabel(['Gemma 3 12B · NVIDIA A100 80GB SXM', 'owned'], 24)).toEqual([
      'Gemma 3 12B · NVIDIA',
      'A100 80GB SXM',
      'owned',
    ]);
    expect(wrapLabel(['GPT-4o mini', 'OpenAI API'], 24)).toEqual(['GPT-4o mini', 'OpenAI API']);
    // A word longer than the line keeps its own line rather than being cut.
    expect(wrapLabel('gpu-l40s-a_1gpu-8vcpu-32gb (eu-north1)', 10)).toEqual([
      'gpu-l40s-a_1gpu-8vcpu-32gb',
      '(eu-north1)',
    ]);
  });
});
