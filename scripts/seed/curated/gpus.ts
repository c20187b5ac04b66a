import type { z } from 'zod';
import type { Gpu } from '../../../core/schema/catalog.ts';

const SHEET = 'GPU datasheet figures, dense (reference SOURCES.md GPU table)';
const AS_OF = '2026-07-24';
// Interconnect: per-GPU all-reduce bus bandwidth for large messages and a fixed per-call latency.
// NVLink figures from nccl-tests class results (H100 ~480 GB/s at 8 GPUs, latency-bound ~5–10 µs
// at decode-sized messages); PCIe rings go through the host and reach a fraction of the link rate.
const NVLINK3 = { kind: 'nvlink', busGBps: 230, latencyUs: 8 } as const;
const NVLINK4 = { kind: 'nvlink', busGBps: 480, latencyUs: 8 } as const;
const NVLINK5 = { kind: 'nvlink', busGBps: 800, latencyUs: 6 } as const;
const PCIE4 = { kind: 'pcie', busGBps: 16, latencyUs: 25 } as const;
const PCIE5 = { kind: 'pcie', busGBps: 32, latencyUs: 20 } as const;

/** GPUs and accelerators with their datasheet figures. Purchase prices are indicative street prices. */
export const GPUS: z.input<typeof Gpu>[] = [
  { id: 'a10g', memoryKind: 'gddr', name: 'NVIDIA A10G', vendor: 'nvidia', family: 'ampere', memoryGB: 24, memoryBandwidthTBps: 0.6, tflops: { bf16: 70 }, tdpW: 300, interconnect: PCIE4, source: `${SHEET}; TDP: AWS g5 power limit`, asOf: AS_OF },
  { id: 'a10', memoryKind: 'gddr', name: 'NVIDIA A10', vendor: 'nvidia', family: 'ampere', memoryGB: 24, memoryBandwidthTBps: 0.6, tflops: { bf16: 125 }, tdpW: 150, interconnect: PCIE4, purchaseUsd: 3500, source: 'NVIDIA A10 datasheet (125 TFLOPS BF16 dense, 600 GB/s, 150 W)', asOf: AS_OF },
  { id: 'l4', memoryKind: 'gddr', name: 'NVIDIA L4', vendor: 'nvidia', family: 'ada', memoryGB: 24, memoryBandwidthTBps: 0.3, tflops: { bf16: 121, fp8: 242.5 }, tdpW: 72, interconnect: PCIE4, purchaseUsd: 2800, source: SHEET, asOf: AS_OF },
  { id: 'l40s', memoryKind: 'gddr', name: 'NVIDIA L40S', vendor: 'nvidia', family: 'ada', memoryGB: 48, memoryBandwidthTBps: 0.864, tflops: { bf16: 362, fp8: 733 }, tdpW: 350, interconnect: PCIE4, purchaseUsd: 9000, source: SHEET, asOf: AS_OF },
  { id: 'rtx-4090', memoryKind: 'gddr', name: 'NVIDIA GeForce RTX 4090', vendor: 'nvidia', family: 'ada', memoryGB: 24, memoryBandwidthTBps: 1.008, tflops: { bf16: 165 }, tdpW: 450, interconnect: PCIE4, purchaseUsd: 2000, source: SHEET, asOf: AS_OF },
  { id: 'a100-40gb', name: 'NVIDIA A100 40GB SXM', vendor: 'nvidia', family: 'ampere', memoryGB: 40, memoryBandwidthTBps: 1.555, tflops: { bf16: 312 }, tdpW: 400, interconnect: NVLINK3, purchaseUsd: 10000, source: SHEET, asOf: AS_OF },
  { id: 'a100-80gb', name: 'NVIDIA A100 80GB SXM', vendor: 'nvidia', family: 'ampere', memoryGB: 80, memoryBandwidthTBps: 2.039, tflops: { bf16: 312 }, tdpW: 400, interconnect: NVLINK3, purchaseUsd: 15000, source: SHEET, asOf: AS_OF },
  { id: 'h100-sxm', name: 'NVIDIA H100 80GB SXM', vendor: 'nvidia', family: 'hopper', memoryGB: 80, memoryBandwidthTBps: 3.35, tflops: { bf16: 989, fp8: 1979 }, tdpW: 700, interconnect: NVLINK4, purchaseUsd: 30000, source: SHEET, asOf: AS_OF },
  { id: 'h100-pcie', name: 'NVIDIA H100 80GB PCIe', vendor: 'nvidia', family: 'hopper', memoryGB: 80, memoryBandwidthTBps: 2.0, tflops: { bf16: 756, fp8: 1513 }, tdpW: 350, interconnect: PCIE5, purchaseUsd: 25000, source: SHEET, asOf: AS_OF },
  { id: 'h200', name: 'NVIDIA H200 141GB SXM', vendor: 'nvidia', family: 'hopper', memoryGB: 141, memoryBandwidthTBps: 4.8, tflops: { bf16: 989, fp8: 1979 }, tdpW: 700, interconnect: NVLINK4, purchaseUsd: 35000, source: SHEET, asOf: AS_OF },
  { id: 'b200', name: 'NVIDIA B200 180GB', vendor: 'nvidia', family: 'blackwell', memoryGB: 180, memoryBandwidthTBps: 8.0, tflops: { bf16: 2250, fp8: 4500, fp4: 9000 }, tdpW: 1000, interconnect: NVLINK5, purchaseUsd: 45000, source: SHEET, asOf: AS_OF },
  { id: 'gb200', name: 'NVIDIA GB200 (per GPU)', vendor: 'nvidia', family: 'blackwell', memoryGB: 186, memoryBandwidthTBps: 8.0, tflops: { bf16: 2500, fp8: 5000, fp4: 10000 }, tdpW: 1200, interconnect: NVLINK5, purchaseUsd: 60000, source: `${SHEET}; TDP: GB200 superchip (two GPUs + Grace) budget share`, asOf: AS_OF },
  { id: 'mi300x', name: 'AMD Instinct MI300X', vendor: 'amd', family: 'cdna3', memoryGB: 192, memoryBandwidthTBps: 5.3, tflops: { bf16: 1307, fp8: 2615 }, tdpW: 750, interconnect: { kind: 'infinity-fabric', busGBps: 300, latencyUs: 10 }, purchaseUsd: 20000, source: SHEET, asOf: AS_OF },
  { id: 'mi325x', name: 'AMD Instinct MI325X', vendor: 'amd', family: 'cdna3', memoryGB: 256, memoryBandwidthTBps: 6.0, tflops: { bf16: 1300, fp8: 2610 }, tdpW: 1000, interconnect: { kind: 'infinity-fabric', busGBps: 300, latencyUs: 10 }, purchaseUsd: 25000, source: SHEET, asOf: AS_OF },
  { id: 'gaudi3', name: 'Intel Gaudi 3', vendor: 'intel', family: 'gaudi', memoryGB: 128, memoryBandwidthTBps: 3.7, tflops: { bf16: 1677, fp8: 1677 }, tdpW: 900, interconnect: { kind: 'roce', busGBps: 300, latencyUs: 15 }, purchaseUsd: 16000, source: SHEET, asOf: AS_OF },
  { id: 'tpu-v5e', name: 'Google TPU v5e', vendor: 'google', family: 'tpu', memoryGB: 16, memoryBandwidthTBps: 0.819, tflops: { bf16: 197 }, interconnect: { kind: 'ici', busGBps: 100, latencyUs: 10 }, source: SHEET, asOf: AS_OF },
  { id: 'tpu-v6e', name: 'Google TPU v6e (Trillium)', vendor: 'google', family: 'tpu', memoryGB: 32, memoryBandwidthTBps: 1.638, tflops: { bf16: 918 }, interconnect: { kind: 'ici', busGBps: 200, latencyUs: 10 }, source: SHEET, asOf: AS_OF },
];
