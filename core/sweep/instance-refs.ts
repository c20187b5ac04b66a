import type { NegotiatedTerms } from '../pricing/negotiated.ts';
import type { Gpu, Instance, Model, Region } from '../schema/catalog.ts';
import { negotiatedTermsFor, type CatalogIndex } from './catalog-index.ts';
import type { EvalContext } from './context.ts';

/** The model row of an id; a sweep asks for one model's on every instance in a row. */
export function modelOf(ctx: EvalContext, modelId: string): Model | undefined {
  const last = ctx.lastModel;
  if (last !== undefined && last.id === modelId) return last.model;
  const model = ctx.index.models.get(modelId);
  ctx.lastModel = { id: modelId, model };
  return model;
}

/** What a rented candidate reads of its instance: the same for every model swept on it. */
interface InstanceRefs {
  /** The instance's id (compared before its row is read). */
  id: string;
  instance: Instance;
  gpu: Gpu;
  region: Region | undefined;
  discount: NegotiatedTerms | null;
  /** The instance asked for after this one the first time (a sweep asks in the same order per model). */
  next: InstanceRefs | undefined;
}

/**
 * Instance, GPU, region and negotiated terms per instance id, resolved once per index (a full
 * sweep meets each instance once per model: four look-ups and a discount search saved each time).
 * Keyed by the index object: a context re-priced without discounts carries an index of its own.
 */
const refsByIndex = new WeakMap<CatalogIndex, Map<string, InstanceRefs>>();
let lastIndex: CatalogIndex | undefined;
let lastRefs = new Map<string, InstanceRefs>();
/** The instance asked for last: its `next` is most often the one asked for now. */
let lastAsked: InstanceRefs | undefined;

export function instanceRefs(index: CatalogIndex, instanceId: string): InstanceRefs {
  if (index !== lastIndex) {
    let refs = refsByIndex.get(index);
    if (refs === undefined) {
      refs = new Map();
      refsByIndex.set(index, refs);
    }
    lastIndex = index;
    lastRefs = refs;
    lastAsked = undefined;
  }
  const guess = lastAsked?.next;
  if (guess !== undefined && guess.id === instanceId) {
    lastAsked = guess;
    return guess;
  }
  const known = lastRefs.get(instanceId) ?? resolveRefs(index, instanceId);
  if (lastAsked !== undefined && lastAsked.next === undefined) lastAsked.next = known;
  lastAsked = known;
  return known;
}

function resolveRefs(index: CatalogIndex, instanceId: string): InstanceRefs {
  const instance = index.instances.get(instanceId);
  if (instance === undefined) throw new Error(`unknown instance '${instanceId}'`);
  const gpu = index.gpus.get(instance.gpuId);
  if (gpu === undefined)
    throw new Error(`instance '${instance.id}' names unknown GPU '${instance.gpuId}'`);
  const refs: InstanceRefs = {
    id: instanceId,
    instance,
    gpu,
    region: index.regions.get(instance.regionId),
    discount: negotiatedTermsFor(index, instance.cloud, instance.id),
    next: undefined,
  };
  lastRefs.set(instanceId, refs);
  return refs;
}
