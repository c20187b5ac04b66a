import type { Channel } from '../../electron/ipc/contract.ts';

/** Every contract channel (checked against the contract's type both ways). */
export const CHANNEL_NAMES = [
  'app:info',
  'catalog:get',
  'catalog:stats',
  'catalog:list',
  'catalog:upsert',
  'catalog:remove',
  'discounts:list',
  'discounts:set',
  'discounts:remove',
  'catalog:import',
  'catalog:export',
  'scenarios:list',
  'scenarios:get',
  'scenarios:save',
  'scenarios:rename',
  'scenarios:duplicate',
  'scenarios:delete',
  'scenario:parse',
  'file:open',
  'file:save',
] as const satisfies readonly Channel[];

type Missing = Exclude<Channel, (typeof CHANNEL_NAMES)[number]>;
// A channel added to the contract but not here fails to compile.
const _complete: Missing extends never ? true : Missing = true;
void _complete;
