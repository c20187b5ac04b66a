/** A GPU at idle draws about this share of its TDP; under load, up to all of it. */
export const IDLE_POWER_FRACTION = 0.3;

/** Average power per GPU as a share of TDP at a given utilization (linear idle → full). */
export function gpuPowerFraction(utilization: number): number {
  return IDLE_POWER_FRACTION + (1 - IDLE_POWER_FRACTION) * Math.min(1, Math.max(0, utilization));
}

export interface EnergyInput {
  gpuHours: number;
  tdpW: number;
  utilization: number;
  /** Server power beyond the GPUs, as a share of GPU power. */
  serverOverheadFraction: number;
  pue: number;
}

/** Facility energy in kWh for the GPU-hours run. */
export function energyKwh(e: EnergyInput): number {
  return (
    (e.gpuHours *
      e.tdpW *
      gpuPowerFraction(e.utilization) *
      (1 + e.serverOverheadFraction) *
      e.pue) /
    1000
  );
}

/** Kilograms of CO2e for an energy use at a grid intensity in gCO2e/kWh. */
export function co2Kg(kwh: number, gridGCo2PerKwh: number): number {
  return (kwh * gridGCo2PerKwh) / 1000;
}
