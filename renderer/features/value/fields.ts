import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import { Operations } from '../../../core/schema/operations.ts';
import { RevenueValue, TimeSavedValue, ValueAssumptions } from '../../../core/schema/value.ts';

export const PLACEMENT_KINDS = ['api', 'cloud', 'onprem'] as const;

const at = (...path: string[]) => numberFieldRules(ValueAssumptions, path);
const perKind = (what: 'setupUsd' | 'weeksToLaunch') =>
  ({ api: at(what, 'api'), cloud: at(what, 'cloud'), onprem: at(what, 'onprem') }) as const;

/** The value form's number fields, with the labels and limits of the value schema. */
export const VALUE_FIELDS = {
  revenue: numberFieldRules(RevenueValue, ['usdPerRequest']),
  minutesSaved: numberFieldRules(TimeSavedValue, ['minutesSavedPerRequest']),
  loadedRate: numberFieldRules(TimeSavedValue, ['loadedUsdPerHour']),
  successRate: at('successRate'),
  setupUsd: perKind('setupUsd'),
  weeksToLaunch: perKind('weeksToLaunch'),
  horizonMonths: at('horizonMonths'),
  discountRateAnnual: at('discountRateAnnual'),
};

const ops = (...path: string[]) => numberFieldRules(Operations, path);

/** The operations form's number fields, with the labels and limits of the operations schema. */
export const OPERATIONS_FIELDS = {
  usdPerFteYear: ops('staff', 'usdPerFteYear'),
  fteCloud: ops('staff', 'fte', 'cloud'),
  fteOnprem: ops('staff', 'fte', 'onprem'),
  ftePerOwnedGpu: ops('staff', 'ftePerOwnedGpu'),
  storageUsdPerGBMonth: ops('storageUsdPerGBMonth'),
  egressUsdPerGB: ops('egressUsdPerGB'),
  egressBytesPerOutputToken: ops('egressBytesPerOutputToken'),
  monitoringUsdPerHostMonth: ops('monitoringUsdPerHostMonth'),
  reserveReplicas: ops('availability', 'reserveReplicas'),
  reserveHeadroom: ops('availability', 'reserveHeadroom'),
  weightsLoadGBps: ops('availability', 'weightsLoadGBps'),
  engineStartS: ops('availability', 'engineStartS'),
  interruptionsPerMonth: ops('spot', 'interruptionsPerMonth'),
  fallbackHours: ops('spot', 'fallbackHours'),
};
