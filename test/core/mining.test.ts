/**
 * Mining economics for a site. Models use the nameplate figures of reference facts section 5; every expected
 * figure is a public vector (section 2) or a hand calculation written beside it.
 */
import { describe, expect, it } from 'vitest';
import {
  allocateFleet,
  type FleetModel,
  FleetTooLargeError,
  fleetPriceUsdPerTh,
  type MiningInputs,
  miningEconomics,
  netMiningRevenueUsdPerDay,
} from '../../src/core/mining.js';

/** |actual / expected - 1| < rel */
function expectRel(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(rel);
}

const S21_XP = { name: 'Antminer S21 XP', hashrateThs: 270, powerW: 3645, priceUsdPerTh: 25.7 }; // 13.5 J/TH
const S19J_PRO = { name: 'Antminer S19j Pro', hashrateThs: 104, powerW: 3068, priceUsdPerTh: 15.5 }; // 29.5 J/TH
const S21 = { name: 'Antminer S21', hashrateThs: 200, powerW: 3500, priceUsdPerTh: 15.5 }; // 17.5 J/TH
const M60S = { name: 'Whatsminer M60S', hashrateThs: 186, powerW: 3441, priceUsdPerTh: 15.5 }; // 18.5 J/TH

const fill = (m: Omit<FleetModel, 'count'>): FleetModel => ({ ...m, count: null });
const counted = (m: Omit<FleetModel, 'count'>, count: number): FleetModel => ({ ...m, count });

/** 341 MW (Bitfarms' energized total) of S21 XPs at $40/PH/day. */
const bitfarmsLike: MiningInputs = {
  siteMw: 341,
  powerUsdPerKwh: 0.045,
  fleet: [fill(S21_XP)],
  poolFee: 0.025,
  uptime: 0.95,
  pueMining: 1.05,
  hashpriceUsdPerPhDay: 40,
  btcUsd: 85_000,
};

describe('a single-model fleet filling a site', () => {
  const e = miningEconomics(bitfarmsLike);

  it('counts units and hashrate from the IT power', () => {
    // 341 MW / 1.05 = 324.762 MW IT; floor(324.762e6 W / 3645 W) = floor(89097.92) = 89097 miners
    expect(e.itMw).toBeCloseTo(324.761_905, 6);
    expect(e.units).toBe(89_097);
    expect(e.unitLabel).toBe('miners');
    // 89097 x 270 TH/s = 24,056,190 TH/s (24.06 EH/s)
    expect(e.hashrateThs).toBe(24_056_190);
    expect(e.efficiencyJPerTh).toBeCloseTo(13.5, 9); // 3645 / 270
    expect(e.fleet).toHaveLength(1);
    expect(e.fleet[0]?.powerMw).toBeCloseTo(324.758_565, 6); // 89097 x 3645 W
  });

  it('earns the contract formula TH/1000 x hashprice x (1 - fee) x uptime x 365', () => {
    // 24056.19 PH x $40 x 0.975 x 0.95 x 365 = $325,317,871.42 per year
    expect(e.revenueUsdPerYear).toBeCloseTo(325_317_871.42, 1);
  });

  it('buys energy units x kW x PUE x 8760 x uptime', () => {
    // 89097 x 3.645 kW x 1.05 x 8760 x 0.95 = 2,837,772,816.83 kWh; x $0.045 = $127,699,776.76
    expect(e.energyKwhPerYear).toBeCloseTo(2_837_772_816.83, 1);
    expect(e.energyUsdPerYear).toBeCloseTo(127_699_776.76, 1);
    expect(e.otherOpexUsdPerYear).toBe(0);
    expect(e.opexUsdPerYear).toBeCloseTo(127_699_776.76, 1);
    // 325,317,871.42 - 127,699,776.76 = 197,618,094.66
    expect(e.ebitdaUsdPerYear).toBeCloseTo(197_618_094.66, 1);
  });

  it('states revenue per kWh of the site envelope (site MW x 1000 x 8760)', () => {
    // 325,317,871.42 / (341,000 kW x 8760 h = 2,987,160,000 kWh) = $0.108905/kWh
    expect(e.revenueUsdPerKwh).toBeCloseTo(0.108_905, 6);
    // 197,618,094.66 / 2,987,160,000 = $0.0661558/kWh
    expect(e.ebitdaUsdPerKwh).toBeCloseTo(0.066_155_8, 6);
  });

  it('prices capex per TH and pays it back from EBITDA', () => {
    // 24,056,190 TH x $25.70 = $618,244,083; / 197,618,094.66 = 3.1285 years
    expect(e.capexUsd).toBeCloseTo(618_244_083, 0);
    expect(e.capexOverYear1EbitdaYears).toBeCloseTo(3.128_48, 4);
  });

  it('has the FACTS breakevens: power = hashprice (1 - fee) / (24 e PUE), hashprice = power 24 e PUE / (1 - fee)', () => {
    // uptime scales revenue and energy alike and cancels.
    // 40 x 0.975 / (24 x 13.5 x 1.05) = 39 / 340.2 = $0.114638/kWh
    expect(e.breakevens.powerUsdPerKwh).toBeCloseTo(0.114_638, 6);
    // 0.045 x 24 x 13.5 x 1.05 / 0.975 = 15.3090 / 0.975 = $15.7015/PH/day
    expect(e.breakevens.hashpriceUsdPerPhDay).toBeCloseTo(15.701_54, 4);
    // BTC price scales with hashprice: 85000 x 15.70154 / 40 = $33,365.77
    expect(e.breakevens.btcUsd).toBeCloseTo(33_365.77, 1);
  });

  it('with PUE 1 and no fee, breakeven power is hashprice / (24 e) as in FACTS section 2', () => {
    // 40 x 0.975 / (24 x 13.5) = 39 / 324 = $0.120370/kWh
    const e1 = miningEconomics({ ...bitfarmsLike, pueMining: 1 });
    expect(e1.breakevens.powerUsdPerKwh).toBeCloseTo(0.120_37, 6);
    // 0.045 x 13.5 x 24 / 0.975 = 14.58 / 0.975 = $14.9538/PH/day
    expect(e1.breakevens.hashpriceUsdPerPhDay).toBeCloseTo(14.953_85, 4);
  });
});

describe('public vectors for one miner', () => {
  it('tylerkstevens: 50 TH/s, 1000 W, $0.10/kWh, $56.25/PH/day -> $2.8125/day revenue, $2.40/day power, 20 J/TH', () => {
    // 800 EH/s, 3.125 BTC, $100000 -> 5.625e-4 BTC/PH/day -> $56.25/PH/day (hashprice tests)
    const e = miningEconomics({
      siteMw: 0.001,
      powerUsdPerKwh: 0.1,
      fleet: [counted({ name: 'tks', hashrateThs: 50, powerW: 1000, priceUsdPerTh: 0 }, 1)],
      poolFee: 0,
      uptime: 1,
      pueMining: 1,
      hashpriceUsdPerPhDay: 56.25,
      btcUsd: 100_000,
    });
    expect(e.revenueUsdPerYear / 365).toBeCloseTo(2.8125, 9);
    // 2.8125 / 100000 = 2.8125e-5 BTC/day
    expect(e.revenueUsdPerYear / 365 / 100_000).toBeCloseTo(2.8125e-5, 12);
    expect(e.energyUsdPerYear / 365).toBeCloseTo(2.4, 9); // 1 kW x 24 h x $0.10
    expect(e.efficiencyJPerTh).toBeCloseTo(20, 12);
    expect(e.capexOverYear1EbitdaYears).toBeNull(); // no capex: nothing to pay back (never 0)
  });

  it('libai: 100 TH/s, 3000 W, $0.05/kWh, 1000 EH/s, 3.125, $100000 -> cash breakeven BTC $80000', () => {
    // hashprice: 144 x 3.125 x 1e15 / 1e21 = 4.5e-4 BTC/PH/day x $100000 = $45/PH/day
    const e = miningEconomics({
      siteMw: 0.01,
      powerUsdPerKwh: 0.05,
      fleet: [counted({ name: 'libai', hashrateThs: 100, powerW: 3000, priceUsdPerTh: 0 }, 1)],
      poolFee: 0,
      uptime: 1,
      pueMining: 1,
      hashpriceUsdPerPhDay: 45,
      btcUsd: 100_000,
    });
    expect(e.revenueUsdPerYear / 365).toBeCloseTo(4.5, 9); // revenue $4.50/day
    expect(e.energyUsdPerYear / 365).toBeCloseTo(3.6, 9); // electricity 3 kW x 24 x 0.05 = $3.60/day
    expect(e.breakevens.btcUsd).toBeCloseTo(80_000, 6); // 100000 x 3.60 / 4.50
    expect(e.breakevens.hashpriceUsdPerPhDay).toBeCloseTo(36, 9); // $3.60/day / 0.1 PH
    expect(e.breakevens.powerUsdPerKwh).toBeCloseTo(0.0625, 9); // $4.50 / 72 kWh
  });
});

describe('mixed fleets', () => {
  // 10 MW site, PUE 1: 1000 S21 XP (3,645,000 W) + 500 S19j Pro (1,534,000 W) = 5,179,000 W counted;
  // 4,821,000 W left, shared by two fillers at 2,410,500 W each:
  // S21 floor(2410500 / 3500) = 688, M60S floor(2410500 / 3441) = 700.
  const inputs: MiningInputs = {
    ...bitfarmsLike,
    siteMw: 10,
    pueMining: 1,
    fleet: [counted(S21_XP, 1000), counted(S19J_PRO, 500), fill(S21), fill(M60S)],
  };

  it('allocates counted models as given and shares the rest among fillers', () => {
    const a = allocateFleet(10, inputs.fleet);
    expect(a.map((m) => m.units)).toEqual([1000, 500, 688, 700]);
    expect(a.map((m) => m.hashrateThs)).toEqual([270_000, 52_000, 137_600, 130_200]);
    expect(a[2]?.powerMw).toBeCloseTo(2.408, 9); // 688 x 3500 W
    expect(a[3]?.powerMw).toBeCloseTo(2.4087, 9); // 700 x 3441 W
    expect(a[1]?.efficiencyJPerTh).toBeCloseTo(29.5, 9); // 3068 / 104
  });

  it('sums hashrate, power-weighted efficiency and per-model capex', () => {
    const e = miningEconomics(inputs);
    expect(e.units).toBe(2888); // 1000 + 500 + 688 + 700
    expect(e.hashrateThs).toBe(589_800); // 270000 + 52000 + 137600 + 130200
    // 9,995,700 W / 589,800 TH/s = 16.94761 J/TH
    expect(e.efficiencyJPerTh).toBeCloseTo(16.947_61, 5);
    // 270000 x 25.70 + 319800 x 15.50 = 6,939,000 + 4,956,900
    expect(e.capexUsd).toBeCloseTo(11_895_900, 3);
    // 589.8 PH x 40 x 0.975 x 0.95 x 365 = $7,976,012.85
    expect(e.revenueUsdPerYear).toBeCloseTo(7_976_012.85, 2);
    // 9995.7 kW x 1 x 8760 x 0.95 = 83,184,215.4 kWh
    expect(e.energyKwhPerYear).toBeCloseTo(83_184_215.4, 2);
  });

  it('gives fillers nothing when counted models use all the IT power', () => {
    // 10 MW IT / 3645 W = 2743.48; 2743 S21 XP leave 1,335 W, less than one S21 (3500 W)
    const a = allocateFleet(10, [counted(S21_XP, 2743), fill(S21)]);
    expect(a[1]?.units).toBe(0);
  });

  it('throws FleetTooLargeError when counted models exceed the IT power', () => {
    // 1.05 MW / PUE 1.05 = 1 MW IT; 275 x 3645 W = 1.002375 MW > 1 MW
    const tooMany = { ...bitfarmsLike, siteMw: 1.05, fleet: [counted(S21_XP, 275)] };
    expect(() => miningEconomics(tooMany)).toThrow(FleetTooLargeError);
    try {
      miningEconomics(tooMany);
    } catch (err) {
      expect(err).toBeInstanceOf(RangeError);
      expect((err as FleetTooLargeError).fleetMw).toBeCloseTo(1.002_375, 9);
      expect((err as FleetTooLargeError).itMw).toBeCloseTo(1, 9);
    }
    // 274 x 3645 W = 0.99873 MW fits
    expect(miningEconomics({ ...tooMany, fleet: [counted(S21_XP, 274)] }).units).toBe(274);
  });

  it('accepts a fleet that uses the IT power exactly', () => {
    // 1000 x 3645 W = 3.645 MW on a 3.645 MW IT site
    expect(allocateFleet(3.645, [counted(S21_XP, 1000)])[0]?.units).toBe(1000);
  });
});

describe("fleetPriceUsdPerTh: a mixed fleet's one price per TH/s", () => {
  it('is the TH-weighted price (fleet capex / fleet TH/s), by hand', () => {
    // 40,000 S21 XP x 270 TH/s = 10,800,000 TH/s at $25.7; 59,455 S19 XP x 140 TH/s = 8,323,700 TH/s at
    // $15.5: (10.8M x 25.7 + 8.3237M x 15.5) / 19.1237M = (277,560,000 + 129,017,350) / 19,123,700 = $21.2604.
    const allocation = [
      { units: 40_000, hashrateThs: 10_800_000, priceUsdPerTh: 25.7 },
      { units: 59_455, hashrateThs: 8_323_700, priceUsdPerTh: 15.5 },
    ];
    expect(fleetPriceUsdPerTh(allocation)).toBeCloseTo(406_577_350 / 19_123_700, 12);
    expect(fleetPriceUsdPerTh(allocation)).toBeCloseTo(21.2604, 4);
  });

  it('weighs by one unit of each model when no miner fits, and is null with no model', () => {
    const none = [
      { units: 0, hashrateThs: 0, priceUsdPerTh: 20 },
      { units: 0, hashrateThs: 0, priceUsdPerTh: 10 },
    ];
    // One unit each: (300 x 20 + 100 x 10) / 400 = 17.5
    expect(fleetPriceUsdPerTh(none, [{ hashrateThs: 300 }, { hashrateThs: 100 }])).toBe(17.5);
    expect(fleetPriceUsdPerTh([])).toBeNull();
  });
});

describe("other mining opex (--mining-opex), USD per MWh of the fleet's energy", () => {
  // A 10 MW fleet: 1000 miners of 500 TH/s at 10 kW (20 J/TH) on a 10.5 MW site (PUE 1.05), 95% uptime,
  // no pool fee, $0.05/kWh, $10/MWh of other opex, hashprice $50/PH/day.
  const tenMw: MiningInputs = {
    siteMw: 10.5,
    powerUsdPerKwh: 0.05,
    fleet: [counted({ name: 'ten-kW', hashrateThs: 500, powerW: 10_000, priceUsdPerTh: 10 }, 1000)],
    poolFee: 0,
    uptime: 0.95,
    pueMining: 1.05,
    otherOpexUsdPerMwh: 10,
    hashpriceUsdPerPhDay: 50,
    btcUsd: 90_000,
  };
  const e = miningEconomics(tenMw);

  it('is the energy in MWh times the rate, PUE and uptime included', () => {
    // 10,000 kW x 1.05 x 8760 h x 0.95 = 87,381,000 kWh = 87,381 MWh; x $10/MWh = $873,810 a year
    expect(e.energyKwhPerYear).toBeCloseTo(87_381_000, 4);
    expectRel(e.otherOpexUsdPerYear, 873_810);
    // energy 87,381,000 kWh x $0.05 = $4,369,050; opex 4,369,050 + 873,810 = $5,242,860
    expectRel(e.energyUsdPerYear, 4_369_050);
    expectRel(e.opexUsdPerYear, 5_242_860);
    // revenue 500 PH x $50 x 0.95 x 365 = $8,668,750; EBITDA 8,668,750 - 5,242,860 = $3,425,890
    expectRel(e.revenueUsdPerYear, 8_668_750);
    expectRel(e.ebitdaUsdPerYear, 3_425_890);
  });

  it('lowers the breakevens consistently: power by the opex per kWh, hashprice and BTC raised by it', () => {
    // Power: (8,668,750 - 873,810) / 87,381,000 = $0.0892063/kWh, i.e. the no-opex breakeven
    // 50 / (24 x 20 x 1.05) = $0.0992063 less $10/MWh = $0.01/kWh.
    expectRel(e.breakevens.powerUsdPerKwh ?? Number.NaN, 50 / (24 * 20 * 1.05) - 0.01);
    // Hashprice: 5,242,860 / (500 PH x 0.95 x 365 = 173,375 PH-days) = $30.24/PH/day
    expectRel(e.breakevens.hashpriceUsdPerPhDay ?? Number.NaN, 30.24);
    // BTC: 90,000 x 30.24 / 50 = $54,432
    expectRel(e.breakevens.btcUsd ?? Number.NaN, 54_432);
  });

  it('absent or 0 is no opex: the same figures to the bit', () => {
    const { otherOpexUsdPerMwh: _, ...without } = tenMw;
    expect(miningEconomics({ ...tenMw, otherOpexUsdPerMwh: 0 })).toEqual(miningEconomics(without));
    expect(miningEconomics(without).otherOpexUsdPerYear).toBe(0);
  });
});

describe('a fleet with no hashrate', () => {
  it('reports null efficiency and breakevens instead of dividing by zero', () => {
    // 3 kW site: floor(3000 / 3645) = 0 miners
    const e = miningEconomics({ ...bitfarmsLike, siteMw: 0.003, pueMining: 1, fleet: [fill(S21_XP)] });
    expect(e.units).toBe(0);
    expect(e.hashrateThs).toBe(0);
    expect(e.revenueUsdPerYear).toBe(0);
    expect(e.efficiencyJPerTh).toBeNull();
    expect(e.breakevens.hashpriceUsdPerPhDay).toBeNull();
    expect(e.breakevens.btcUsd).toBeNull();
    expect(e.breakevens.powerUsdPerKwh).toBeNull(); // no energy drawn: no breakeven power price
    expect(e.capexOverYear1EbitdaYears).toBeNull(); // no miners: EBITDA 0, nothing is ever paid back
  });
});

describe('breakeven identities: EBITDA is ~0 when recomputed at each breakeven', () => {
  const scenarios: [string, MiningInputs][] = [
    ['single model', bitfarmsLike],
    [
      'mixed fleet, PUE 1.1, 70% uptime',
      {
        ...bitfarmsLike,
        siteMw: 50,
        pueMining: 1.1,
        uptime: 0.7,
        fleet: [counted(S21_XP, 2000), fill(S19J_PRO), fill(M60S)],
      },
    ],
    ['a loss-making fleet', { ...bitfarmsLike, powerUsdPerKwh: 0.09, fleet: [fill(S19J_PRO)] }],
    ['with $12/MWh of other opex', { ...bitfarmsLike, otherOpexUsdPerMwh: 12 }],
  ];

  it.each(scenarios)('%s', (_label, inputs) => {
    const e = miningEconomics(inputs);
    const scale = e.revenueUsdPerYear;
    const { powerUsdPerKwh, hashpriceUsdPerPhDay, btcUsd } = e.breakevens;

    if (powerUsdPerKwh === null) throw new Error('expected a breakeven power price');
    const atPower = miningEconomics({ ...inputs, powerUsdPerKwh });
    expect(Math.abs(atPower.ebitdaUsdPerYear) / scale).toBeLessThan(1e-9);

    expect(hashpriceUsdPerPhDay).not.toBeNull();
    const atHashprice = miningEconomics({ ...inputs, hashpriceUsdPerPhDay: hashpriceUsdPerPhDay as number });
    expect(Math.abs(atHashprice.ebitdaUsdPerYear) / scale).toBeLessThan(1e-9);

    // Hashprice is proportional to the BTC price, so scale it with the breakeven price.
    expect(btcUsd).not.toBeNull();
    const be = btcUsd as number;
    const atBtc = miningEconomics({
      ...inputs,
      btcUsd: be,
      hashpriceUsdPerPhDay: (inputs.hashpriceUsdPerPhDay * be) / inputs.btcUsd,
    });
    expect(Math.abs(atBtc.ebitdaUsdPerYear) / scale).toBeLessThan(1e-9);
  });

  it('a loss-making fleet has a breakeven power price below the one paid and no payback', () => {
    // S19j Pro at 29.5 J/TH: 40 x 0.975 / (24 x 29.5 x 1.05) = 39 / 743.4 = $0.052462/kWh < $0.09
    const e = miningEconomics({ ...bitfarmsLike, powerUsdPerKwh: 0.09, fleet: [fill(S19J_PRO)] });
    expectRel(e.breakevens.powerUsdPerKwh ?? Number.NaN, 39 / (24 * 29.5 * 1.05), 1e-9);
    expect(e.ebitdaUsdPerYear).toBeLessThan(0);
    expect(e.capexOverYear1EbitdaYears).toBeNull();
  });
});

describe('netMiningRevenueUsdPerDay: the one net mining revenue', () => {
  it('is PH/s x (1 - pool fee) x uptime x hashprice', () => {
    // 270,000 TH/s = 270 PH/s; x (1 - 2.5%) = 263.25; x 98% = 257.985 PH/s earning; x $45/PH/day = $11,609.325.
    expectRel(netMiningRevenueUsdPerDay(270_000, 45, 0.025, 0.98), 11_609.325);
  });

  it('is zero with no hashrate, no hashprice, a 100% fee or no uptime', () => {
    expect(netMiningRevenueUsdPerDay(0, 45, 0.025, 0.98)).toBe(0);
    expect(netMiningRevenueUsdPerDay(270_000, 0, 0.025, 0.98)).toBe(0);
    expect(netMiningRevenueUsdPerDay(270_000, 45, 1, 0.98)).toBe(0);
    expect(netMiningRevenueUsdPerDay(270_000, 45, 0.025, 0)).toBe(0);
  });

  it("is a year's revenue in miningEconomics, over 365 days", () => {
    const inputs: MiningInputs = {
      siteMw: 10,
      powerUsdPerKwh: 0.05,
      fleet: [{ name: 'Test', hashrateThs: 100, powerW: 2000, count: null, priceUsdPerTh: 10 }],
      poolFee: 0.02,
      uptime: 0.95,
      pueMining: 1,
      hashpriceUsdPerPhDay: 90,
      btcUsd: 100_000,
    };
    // 5,000 miners, 500 PH/s: 500 x 0.98 x 0.95 x $90 = $41,895 a day, x 365 = $15,291,675 a year.
    expectRel(miningEconomics(inputs).revenueUsdPerYear, 15_291_675);
  });
});
