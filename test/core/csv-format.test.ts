import { describe, expect, it } from 'vitest';
import {
  catalogToCsv,
  formatLongContext,
  parseCatalogCsv,
  parseLongContext,
} from '../../core/catalog-import/csv-format.ts';
import { detectImportFormat } from '../../core/catalog-import/native-json.ts';
import { parseDecimal } from '../../core/csv.ts';
import { Instance, LatencyMeasurement } from '../../core/schema/catalog.ts';
import { offering } from '../support/fixtures.ts';

describe('catalog CSV format (pure mapping)', () => {
  it('writes every column and reads back the same offering', () => {
    const row = offering({
      id: 'acme/x',
      regionId: 'aws:eu-west-1',
      priority: { input: 5 },
      longContext: [
        { aboveInputTokens: 200000, rule: 'whole-request', usdPerMTok: { input: 6, output: 22.5 } },
        { aboveInputTokens: 1000000, rule: 'tokens-above', usdPerMTok: { input: 1e-7 } },
      ],
      rateLimitRpm: 4000,
      source: 'a, "quoted" source',
    });
    const csv = catalogToCsv('offerings', [row]);
    expect(csv.split('\r\n')[0]).toMatch(/^id,provider,model_id,residency,region_id,/);
    const parsed = parseCatalogCsv(csv);
    expect(parsed).toEqual({ ok: true, table: 'offerings', rows: [{ rowNumber: 2, row }] });
  });

  it('long-context tiers read as written', () => {
    expect(
      formatLongContext([
        {
          aboveInputTokens: 128000,
          rule: 'tokens-above',
          usdPerMTok: { input: 5, cacheRead: 0.5 },
        },
      ]),
    ).toBe('128000 tokens-above input=5 cacheRead=0.5');
  });

  it('reads an instances file in any column order, with a BOM and LF line ends', () => {
    const text =
      '\uFEFFas_of,source,on_demand_usd_per_hour,region_id,gpu_count,gpu_id,instance_type,cloud,id\n' +
      '2026-11-01,list,12.5,aws:us-east-1,1,h100-sxm,p5.4xlarge,aws,aws:p5.4xlarge:us-east-1\n';
    const parsed = parseCatalogCsv(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.table).toBe('instances');
      expect(parsed.rows[0]?.row).toEqual(
        Instance.parse({
          id: 'aws:p5.4xlarge:us-east-1',
          cloud: 'aws',
          instanceType: 'p5.4xlarge',
          gpuId: 'h100-sxm',
          gpuCount: 1,
          regionId: 'aws:us-east-1',
          usdPerHour: { onDemand: 12.5 },
          source: 'list',
          asOf: '2026-11-01',
        }),
      );
    }
  });

  it('names the column of a schema problem in CSV terms', () => {
    const text =
      'id,cloud,instance_type,gpu_id,gpu_count,region_id,on_demand_usd_per_hour,source,as_of\n' +
      'aws:x,aws,x,h100-sxm,1.5,aws:us-east-1,0,list,2026-11-01\n';
    expect(parseCatalogCsv(text)).toEqual({
      ok: false,
      error:
        "row 2 (id 'aws:x'): gpu_count: Invalid input: expected int, received number; on_demand_usd_per_hour: Too small: expected number to be >0",
    });
  });

  it('reads numbers only in decimal, and a tier price only once', () => {
    const head =
      'id,cloud,instance_type,gpu_id,gpu_count,region_id,on_demand_usd_per_hour,source,as_of\n';
    expect(
      parseCatalogCsv(`${head}aws:x,aws,x,h100-sxm,1,aws:us-east-1,0x10,list,2026-11-01\n`),
    ).toEqual({
      ok: false,
      error: "row 2 (id 'aws:x'): on_demand_usd_per_hour: must be a number (got '0x10')",
    });
    expect(parseDecimal('3e-6')).toBe(3e-6);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const bad of ['', '0x10', '0b1', 'Infinity', '1,5', '1e999']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
    expect(parseLongContext('200000 whole-request input=1 input=5')).toEqual({
      error: "tier 1 ('200000 whole-request input=1 input=5'): input is given twice",
    });
  });
});

describe('latency CSV', () => {
  it('reads a load test by its offering_id header, as measured unless it says otherwise', () => {
    const text =
      'offering_id,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of\r\n' +
      'openai/gpt-4o,480,92.5,1800,350,our load test,2026-11-20\r\n';
    const parsed = parseCatalogCsv(text);
    expect(parsed).toEqual({
      ok: true,
      table: 'latency',
      rows: [
        {
          rowNumber: 2,
          row: LatencyMeasurement.parse({
            offeringId: 'openai/gpt-4o',
            kind: 'measured',
            ttftMs: 480,
            outputTokPerS: 92.5,
            inputTokens: 1800,
            outputTokens: 350,
            source: 'our load test',
            asOf: '2026-11-20',
          }),
        },
      ],
    });
    // Written back with every column (kind included), it reads as the same row.
    const row = parsed.ok ? parsed.rows[0]!.row : {};
    const csv = catalogToCsv('latency', [row, { ...row, kind: 'published', ttftMs: undefined }]);
    expect(csv.split('\r\n')).toEqual([
      'offering_id,kind,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of',
      'openai/gpt-4o,measured,480,92.5,1800,350,our load test,2026-11-20',
      'openai/gpt-4o,published,,92.5,1800,350,our load test,2026-11-20',
      '',
    ]);
    expect(parseCatalogCsv(csv)).toMatchObject({ ok: true, rows: [{ row }, { rowNumber: 3 }] });
  });

  it('refuses a header with two tables’ marker columns, naming them', () => {
    expect(parseCatalogCsv('id,model_id,offering_id\nx,y,z\n')).toEqual({
      ok: false,
      error:
        'header: cannot tell which table the file holds (an offerings CSV has a model_id column, an instances CSV a gpu_id column, a latency CSV an offering_id column; this one has model_id and offering_id)',
    });
  });
});

describe('import format detection', () => {
  it('reads the format from the name and the whole text', () => {
    expect(detectImportFormat('prices.CSV', '{"format": "modelwise-catalog"}')).toBe('csv');
    // A native file whose format key comes after a long table is still native.
    const late = `{"tables": {"gpus": [${'"x",'.repeat(2000)}"x"]}, "version": 1, "format": "modelwise-catalog"}`;
    expect(detectImportFormat('export.json', late)).toBe('json');
    expect(
      detectImportFormat('model_prices.json', '{"gpt-4o": {"litellm_provider": "openai"}}'),
    ).toBe('litellm');
  });
});
