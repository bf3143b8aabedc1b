/**
 * AI compute economics: a wholesale lease of critical IT load and a GPU cloud. Inputs follow reference facts
 * sections 6-7; expected figures are hand calculations written beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import {
  type GpuCloudInputs,
  gpuCloudEconomics,
  type LeaseInputs,
  leaseEconomics,
} from '../../src/core/ai.js';
import { capexOverEbitdaYears } from '../../src/core/units.js';

// 130 grid MW at PUE 1.3 = 100 MW of critical IT load.
const lease: LeaseInputs = {
  siteMw: 130,
  pueAi: 1.3,
  leaseUsdPerKwMonth: 150,
  occupancy: 0.9,
  landlordPaysPower: false,
  powerUsdPerKwh: 0.05,
  otherOpexShare: 0.15,
  fitOutUsdPerMwIt: 10e6,
};

describe('leaseEconomics', () => {
  it('bills leased IT kW x $/kW-month x 12 x occupancy; a triple-net tenant pays the power', () => {
    const e = leaseEconomics(lease);
    expect(e.id).toBe('ai-lease');
    expect(e.itMw).toBeCloseTo(100, 9); // 130 / 1.3
    expect(e.units).toBeCloseTo(90_000, 6); // 100 MW x 1000 x 0.9 kW leased
    expect(e.unitLabel).toBe('kW leased');
    // 100 x 1000 x $150 x 12 x 0.9 = $162,000,000 per year
    expect(e.revenueUsdPerYear).toBeCloseTo(162_000_000, 3);
    expect(e.energyKwhPerYear).toBe(0);
    expect(e.energyUsdPerYear).toBe(0);
    // other opex 15% of revenue = $24,300,000; EBITDA = $137,700,000
    expect(e.otherOpexUsdPerYear).toBeCloseTo(24_300_000, 3);
    expect(e.ebitdaUsdPerYear).toBeCloseTo(137_700_000, 3);
    // per kWh of the site envelope: 162e6 / (130,000 kW x 8760 h = 1,138,800,000 kWh) = $0.142255
    expect(e.revenueUsdPerKwh).toBeCloseTo(0.142_255, 6);
    // capex 100 MW x $10M = $1e9; payback 1e9 / 137.7e6 = 7.2622 years
    expect(e.capexUsd).toBeCloseTo(1e9, 0);
    expect(e.capexOverYear1EbitdaYears).toBeCloseTo(7.262_16, 4);
  });

  it('a landlord paying the power buys leased kW x PUE x 8760', () => {
    const e = leaseEconomics({ ...lease, landlordPaysPower: true });
    // 90,000 kW x 1.3 x 8760 = 1,024,920,000 kWh; x $0.05 = $51,246,000
    expect(e.energyKwhPerYear).toBeCloseTo(1_024_920_000, 0);
    expect(e.energyUsdPerYear).toBeCloseTo(51_246_000, 1);
    expect(e.opexUsdPerYear).toBeCloseTo(75_546_000, 1); // 51,246,000 + 24,300,000
    expect(e.ebitdaUsdPerYear).toBeCloseTo(86_454_000, 1); // 162,000,000 - 75,546,000
    expect(e.revenueUsdPerYear).toBeCloseTo(162_000_000, 3); // revenue does not depend on who pays power
  });

  it('a $150/kW-month lease earns $0.2055 per fully leased IT kWh, inside FACTS $0.17-0.24', () => {
    // 150 x 12 / 8760 = $0.205479 per IT kWh
    const e = leaseEconomics({ ...lease, occupancy: 1 });
    const perItKwh = e.revenueUsdPerYear / (100 * 1000 * 8760);
    expect(perItKwh).toBeCloseTo(0.205_479, 6);
  });

  it("Bitfarms' 341 grid MW supports 235-273 MW of IT at PUE 1.45-1.25 (FACTS section 7)", () => {
    // 341 / 1.45 = 235.17; 341 / 1.25 = 272.8
    expect(leaseEconomics({ ...lease, siteMw: 341, pueAi: 1.45 }).itMw).toBeCloseTo(235.172, 3);
    expect(leaseEconomics({ ...lease, siteMw: 341, pueAi: 1.25 }).itMw).toBeCloseTo(272.8, 9);
  });

  it('pays back in 0 years with no fit-out capex', () => {
    // No capex: nothing to pay back, so null (never 0 years).
    expect(leaseEconomics({ ...lease, fitOutUsdPerMwIt: 0 }).capexOverYear1EbitdaYears).toBeNull();
  });
});

// 13 grid MW at PUE 1.3 = 10 MW IT of H100s at the DGX system draw 10.2 kW / 8 = 1.275 kW per GPU.
const cloud: GpuCloudInputs = {
  siteMw: 13,
  pueAi: 1.3,
  kwPerGpu: 1.275,
  gpuUsdPerHour: 2.5,
  utilization: 0.85,
  powerUsdPerKwh: 0.05,
  otherOpexShare: 0.2,
  capexUsdPerGpu: 27_500,
  fitOutUsdPerMwIt: 12e6,
};

describe('gpuCloudEconomics', () => {
  it('fits floor(IT kW / kW per GPU) GPUs and bills the utilized hours', () => {
    const e = gpuCloudEconomics(cloud);
    expect(e.id).toBe('gpu-cloud');
    expect(e.unitLabel).toBe('GPUs');
    // floor(10,000 kW / 1.275) = floor(7843.14) = 7843 GPUs
    expect(e.units).toBe(7843);
    // 7843 x $2.50 x 8760 h x 0.85 = $145,997,445
    expect(e.revenueUsdPerYear).toBeCloseTo(145_997_445, 2);
  });

  it('buys full system draw every hour, billed or not', () => {
    const e = gpuCloudEconomics(cloud);
    // 7843 x 1.275 kW x 1.3 x 8760 = 113,878,007.1 kWh; x $0.05 = $5,693,900.36
    expect(e.energyKwhPerYear).toBeCloseTo(113_878_007.1, 1);
    expect(e.energyUsdPerYear).toBeCloseTo(5_693_900.355, 2);
    // other opex 20% of revenue = $29,199,489; EBITDA = 145,997,445 - 5,693,900.355 - 29,199,489 = 111,104,055.645
    expect(e.otherOpexUsdPerYear).toBeCloseTo(29_199_489, 2);
    expect(e.ebitdaUsdPerYear).toBeCloseTo(111_104_055.645, 2);
    // per site kWh: 145,997,445 / (13,000 x 8760) = $1.28203 (FACTS: running GPUs earns ~$1.3-2.1/kWh)
    expect(e.revenueUsdPerKwh).toBeCloseTo(1.282_029, 6);
    expect(e.ebitdaUsdPerKwh).toBeCloseTo(0.975_624, 6);
  });

  it('adds GPU capex to the fit-out and pays it back from EBITDA', () => {
    const e = gpuCloudEconomics(cloud);
    // 7843 x $27,500 + 10 MW x $12M = 215,682,500 + 120,000,000 = $335,682,500
    expect(e.capexUsd).toBeCloseTo(335_682_500, 1);
    // 335,682,500 / 111,104,055.645 = 3.02133 years
    expect(e.capexOverYear1EbitdaYears).toBeCloseTo(3.021_33, 4);
  });

  it('has no payback when EBITDA <= 0', () => {
    // $0.10/GPU-hour: revenue 7843 x 0.1 x 8760 x 0.85 = 5,839,897.8; less 20% = 4,671,918.24;
    // less energy 5,693,900.355 -> EBITDA -1,021,982.12
    const e = gpuCloudEconomics({ ...cloud, gpuUsdPerHour: 0.1 });
    expect(e.ebitdaUsdPerYear).toBeCloseTo(-1_021_982.115, 2);
    expect(e.capexOverYear1EbitdaYears).toBeNull();
  });

  it('pays back in 0 years with no capex at all', () => {
    expect(
      gpuCloudEconomics({ ...cloud, capexUsdPerGpu: 0, fitOutUsdPerMwIt: 0 }).capexOverYear1EbitdaYears,
    ).toBeNull();
  });

  it('fits no GPU on a site smaller than one GPU', () => {
    // 1 kW site / 1.3 = 0.77 kW IT < 1.275 kW
    const e = gpuCloudEconomics({ ...cloud, siteMw: 0.001 });
    expect(e.units).toBe(0);
    expect(e.revenueUsdPerYear).toBe(0);
    expect(e.energyKwhPerYear).toBe(0);
  });
});

describe('capexOverEbitdaYears (capex / year-1 EBITDA: not a payback)', () => {
  it.each([
    [100, 50, 2], // 100 / 50
    [335_682_500, 111_104_055.645, 3.021_33],
  ])('capex %d / EBITDA %d = %f years', (capex, ebitda, years) => {
    expect(capexOverEbitdaYears(capex, ebitda)).toBeCloseTo(years, 4);
  });

  it('is null, never 0, with no capex (nothing to pay back); null when EBITDA <= 0 even with no capex', () => {
    // Before, 0 capex gave "0 years": mining's JSON in compare said paybackYears 0 for an owned fleet.
    expect(capexOverEbitdaYears(0, 100)).toBeNull();
    expect(capexOverEbitdaYears(-5, 100)).toBeNull();
    // A loss-making option never pays anything back: "0 years" would read as instant payback.
    expect(capexOverEbitdaYears(0, -100)).toBeNull();
    expect(capexOverEbitdaYears(0, 0)).toBeNull();
  });

  it('is null when EBITDA <= 0 or not a number', () => {
    expect(capexOverEbitdaYears(100, 0)).toBeNull();
    expect(capexOverEbitdaYears(100, -1)).toBeNull();
    expect(capexOverEbitdaYears(100, Number.NaN)).toBeNull();
  });
});
