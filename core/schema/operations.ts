import { z } from 'zod';
import { Fraction, NonNegative, Positive } from './common.ts';

/**
 * What running a self-hosted model costs besides the GPUs, and what keeping it available takes:
 * one scenario-level block, shared by rented and owned placements (a placement may override a
 * few). Every default is sourced in `OPERATIONS_SOURCES`.
 */
export const Operations = z.strictObject({
  staff: z
    .strictObject({
      usdPerFteYear: NonNegative.max(10_000_000).default(151_400).meta({
        title: 'Loaded cost',
        description:
          'Loaded cost of one operations engineer a year, USD: salary plus employer costs and overhead.',
      }),
      fte: z
        .strictObject({
          cloud: NonNegative.max(1000).default(0.25).meta({
            title: 'Rented GPUs',
            description: 'Share of one engineer a rented-GPU deployment takes, FTE.',
          }),
          onprem: NonNegative.max(1000).default(0.5).meta({
            title: 'Owned GPUs',
            description: 'Share of one engineer an owned-GPU deployment takes, FTE.',
          }),
        })
        .default({ cloud: 0.25, onprem: 0.5 })
        .describe('Share of one engineer a deployment takes, by placement kind.'),
      ftePerOwnedGpu: NonNegative.max(10).default(0.0117).meta({
        title: 'Per owned GPU',
        description:
          'Engineers added per GPU owned (network, cluster operations, remote hands), FTE.',
      }),
    })
    .default({ usdPerFteYear: 151_400, fte: { cloud: 0.25, onprem: 0.5 }, ftePerOwnedGpu: 0.0117 })
    .describe('Operations staff a self-hosted deployment takes.'),
  storageUsdPerGBMonth: NonNegative.max(100).default(0.023).meta({
    title: 'Weights storage',
    description: 'Object storage for the model’s weights (one copy), USD per GB-month.',
  }),
  egressUsdPerGB: NonNegative.max(100).default(0.09).meta({
    title: 'Egress',
    description: 'Internet egress for responses, USD per GB.',
  }),
  egressBytesPerOutputToken: NonNegative.max(100_000).default(250).meta({
    title: 'Response size',
    description:
      'Bytes sent back per output token: a streamed chunk of an OpenAI-style response each.',
  }),
  monitoringUsdPerHostMonth: NonNegative.max(100_000).default(23).meta({
    title: 'Monitoring',
    description:
      'Monitoring per host (instance or server) per month, USD, billed on the month’s peak hosts.',
  }),
  availability: z
    .strictObject({
      reserveReplicas: z.number().int().nonnegative().max(1000).default(1).meta({
        title: 'Reserve (production)',
        description: 'Spare replicas kept warm above demand for a production workload (N+1: 1).',
      }),
      reserveHeadroom: z.number().finite().min(0).max(10).default(0).meta({
        title: 'Headroom (production)',
        description: 'Or extra capacity as a share of demand, for a production workload (0–10).',
      }),
      weightsLoadGBps: Positive.max(1000).default(1.6).meta({
        title: 'Weights load',
        description: 'Read bandwidth from where the weights are kept to a new replica, GB/s.',
      }),
      engineStartS: NonNegative.max(3600).default(60).meta({
        title: 'Engine start',
        description:
          'Engine start besides reading weights (runtime init, graph capture, warm-up), seconds.',
      }),
    })
    .default({ reserveReplicas: 1, reserveHeadroom: 0, weightsLoadGBps: 1.6, engineStartS: 60 })
    .describe('What keeping a self-hosted deployment available takes.'),
  spot: z
    .strictObject({
      interruptionsPerMonth: Fraction.default(0.2).meta({
        title: 'Spot reclaimed',
        description:
          'Share of spot instances reclaimed in a month (AWS Spot Advisor’s frequency), 0–1.',
      }),
      fallbackHours: NonNegative.max(730).default(24).meta({
        title: 'On-demand fallback',
        description:
          'Hours an interrupted spot instance’s work runs on on-demand before spot is back.',
      }),
    })
    .default({ interruptionsPerMonth: 0.2, fallbackHours: 24 })
    .describe('What spot instances cost beyond their price: reclaims and on-demand fallback.'),
});
export type Operations = z.infer<typeof Operations>;
export type OperationsInput = z.input<typeof Operations>;

/** Where each default above comes from: shown beside the numbers they make. */
export const OPERATIONS_SOURCES = {
  staff: {
    source:
      'Loaded cost: BLS median wage, computer and IT occupations, $105,990 (May 2024) ÷ 0.70 wage share of compensation (BLS ECEC, private industry, Dec 2018) ≈ $151,400. FTE: 0.5 per owned 8-GPU server deployment (forum post quoting a Spheron cost analysis, Apr 2026; weak); +12 people per 1,024 GPUs run DIY (Hedgehog, vendor); rented 0.25 = half the owned figure (no hardware): an assumption',
    asOf: '2025-08-28',
  },
  storage: {
    source:
      'AWS S3 Standard, first 50 TB, us-east-1: $0.023 per GB-month (aws.amazon.com/s3/pricing, as quoted by usage.ai, 2026)',
    asOf: '2026-06-04',
  },
  egress: {
    source:
      'AWS internet egress, us-east-1, 100 GB–10 TB tier: $0.09 per GB (usage.ai, citing AWS pricing). Bytes per token: one streamed OpenAI-style chat.completion.chunk with a one-token delta is ~244 bytes (counted), rounded to 250',
    asOf: '2026-06-04',
  },
  monitoring: {
    source:
      'Datadog Infrastructure Monitoring Enterprise, $23 per host per month billed annually (Pro $15); hosts billed at the high-water mark of the lower 99% of hourly counts (docs.datadoghq.com/account_management/billing; prices as quoted by toolstac.com, Sep 2025)',
    asOf: '2025-09-01',
  },
  weightsLoad: {
    source:
      'Load bandwidth: LLaMA-2-70B (~138 GB) loads in 84 s with existing loaders ≈ 1.6 GB/s (ServerlessLLM, OSDI 2024, arXiv:2401.14351). Engine start: vLLM init engine 34 s, first response 59 s after weights with a warm compile cache (vllm-project/vllm#20264, 2025-06-30)',
    asOf: '2025-06-30',
  },
  spot: {
    source:
      "Interruptions: AWS Spot Instance Advisor feed (copy in ETOgaosion/bamboo spot-advisor-data.json, captured by 2024-02-28): p4d.24xlarge and p5.48xlarge in us-east-1 in the '>20%' frequency-of-interruption bucket. Fallback hours: an assumption (a day on on-demand until spot capacity returns)",
    asOf: '2024-02-28',
  },
  colocation: {
    source:
      'CBRE North America Data Center Trends H2 2024: $184.06 per kW per month, average asking rate, primary markets, 250–500 kW (published 2025-02-26)',
    asOf: '2025-02-26',
  },
} as const;
