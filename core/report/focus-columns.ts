/**
 * The FinOps FOCUS 1.2 columns this export writes. Column names and rules are from the FOCUS
 * specification (FinOps Foundation, FOCUS_Spec repository at tag v1.2, commit 7296e314,
 * specification/columns/*.md; licence CC-BY-4.0), restated here in our own words.
 *
 * FOCUS describes billed cost and usage; version 1.2 defines no forecast or budget rows. These rows
 * are a projection shaped like billing data: `x_Projected` marks every one (custom columns take the
 * `x_` prefix the specification reserves for them), so a FinOps tool can load them beside actuals
 * and keep them apart.
 */

export const FOCUS_VERSION = '1.2';

/** The 21 columns FOCUS 1.2 makes mandatory: every row of every FOCUS dataset has them. */
export const FOCUS_MANDATORY_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
] as const;

/**
 * Conditional and recommended columns the projection can fill: how often a charge recurs, usage
 * measured in tokens, commitment purchases and their use, what is being paid for and where.
 */
export const FOCUS_OPTIONAL_COLUMNS = [
  'ChargeFrequency',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountQuantity',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'CommitmentDiscountUnit',
  'ConsumedQuantity',
  'ConsumedUnit',
  'PricingCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceSubcategory',
  'SkuId',
] as const;

/** Our own columns, prefixed `x_` as FOCUS asks: what scenario, which month, how sure. */
export const FOCUS_PROJECTION_COLUMNS = [
  'x_ScenarioName',
  'x_Projected',
  'x_HorizonMonth',
  'x_CandidateId',
  'x_Placement',
  'x_CostComponent',
  'x_PricesAsOf',
] as const;

/**
 * A portfolio's rows say whose each one is, as its showback does: FOCUS's Tags (a JSON object of
 * the workload's tags, team and stage), then ours: the workload, its team, stage and shared pool.
 */
export const FOCUS_TAGS_COLUMN = 'Tags';
export const FOCUS_PORTFOLIO_COLUMNS = [
  'x_WorkloadId',
  'x_WorkloadName',
  'x_Team',
  'x_Stage',
  'x_PoolId',
] as const;

/** Present when the scenario's ranges were simulated: which percentile a row's amounts are. */
export const FOCUS_PERCENTILE_COLUMN = 'x_Percentile';

/** ServiceCategory for every row: serving a model is AI and Machine Learning. */
export const AI_SERVICE_CATEGORY = 'AI and Machine Learning';
export const AI_SERVICE_SUBCATEGORY = 'Generative AI';
