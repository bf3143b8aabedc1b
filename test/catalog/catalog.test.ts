/**
 * The catalog: figures against their sources (the working shown), every figure dated and sourced with a URL,
 * derived figures recomputed here from their inputs, model-name matching, and the embedded snapshot.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONVERSIONS } from '../../src/catalog/conversions.js';
import { DEALS } from '../../src/catalog/deals.js';
import { DEFAULT_FIGURES, defaultLeaseRateUsdPerKwMonth } from '../../src/catalog/defaults.js';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import { catalogFigures } from '../../src/catalog/figures.js';
import { DEFAULT_GPU_ID, GPUS } from '../../src/catalog/gpus.js';
import { matchModel, normalizeModelName } from '../../src/catalog/match.js';
import {
  DEFAULT_MINER_ID,
  DEFAULT_MINER_PRICE_USD_PER_TH,
  MINERS,
  minerEfficiencyJPerTh,
} from '../../src/catalog/miners.js';
import { EMBEDDED_SNAPSHOT } from '../../src/catalog/snapshot.js';
import { FORBIDDEN_SOURCE_DOMAINS, isForbiddenSource } from '../../src/catalog/sources.js';
import { SALE_MARKS, VALUATIONS } from '../../src/catalog/valuations.js';
import { impliedHashrateHs, subsidyBtc } from '../../src/core/bitcoin.js';
import { computeHashprice } from '../../src/core/hashprice.js';
import { embeddedSnapshot } from '../../src/data/snapshot.js';
import { row } from '../../src/inputs/table.js';
import {
  CATALOG_DOCS_END,
  CATALOG_DOCS_START,
  catalogMarkdown,
  staleness,
} from '../../src/report/catalog.js';
import { TEST_NOW_MS } from '../clock.js';

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const URL_LIKE = /^https?:\/\/[^\s/]+\.[^\s]+$/;
const CONFIDENCES = ['primary', 'secondary', 'derived', 'estimate'];
const dateMs = (asOf: string) => Date.parse(`${asOf.length === 7 ? `${asOf}-01` : asOf}T00:00:00Z`);

/** Nameplates (maker specifications): model name -> [TH/s, J/TH]. */
const NAMEPLATES: Record<string, [number, number]> = {
  'Antminer S19j Pro': [104, 29.5],
  'Antminer S19 XP': [140, 21.5],
  'Antminer S21': [200, 17.5],
  'Antminer S21 Hyd': [335, 16],
  'Antminer S21 Pro': [234, 15],
  'Antminer S21 XP': [270, 13.5],
  'Antminer S21 XP Hyd': [473, 12],
  'Antminer S23 Hyd': [580, 9.5],
  'Whatsminer M30S++': [112, 31],
  'Whatsminer M50S': [126, 26],
  'Whatsminer M60S': [186, 18.5],
  'Whatsminer M63S': [390, 18.5],
  'Whatsminer M66S': [298, 18.1],
  'Avalon A1466': [150, 21.5],
  'Avalon A16 XP': [300, 12.8],
  'SealMiner A2': [226, 16.5],
};

describe('miners', () => {
  it('has at least 12 models with unique ids, the newest among them', () => {
    expect(MINERS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(MINERS.map((m) => m.id)).size).toBe(MINERS.length);
    for (const id of ['antminer-s23-hyd', 'avalon-a16-xp', 'whatsminer-m66s'])
      expect(MINERS.map((m) => m.id)).toContain(id);
  });

  it.each(Object.entries(NAMEPLATES))(
    '%s matches its nameplate: %j (TH/s, J/TH within 0.2)',
    (name, [ths, jPerTh]) => {
      const m = MINERS.find((x) => x.name === name);
      expect(m, name).toBeDefined();
      if (!m) return;
      expect(m.hashrateThs).toBe(ths);
      expect(Math.abs(m.powerW / m.hashrateThs - jPerTh)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(minerEfficiencyJPerTh(m) - jPerTh)).toBeLessThanOrEqual(0.2);
    },
  );

  it('every model has a dated price of its own or of its band: no shared fallback', () => {
    for (const m of MINERS) {
      expect(m.priceUsdPerTh, m.id).not.toBeNull();
      expect(m.priceProvenance?.asOf, m.id).toMatch(ISO_DATE);
    }
    // Two models share a price only when it is their efficiency band's price, and each says so.
    const byPrice = new Map<number, string[]>();
    for (const m of MINERS)
      byPrice.set(m.priceUsdPerTh as number, [...(byPrice.get(m.priceUsdPerTh as number) ?? []), m.id]);
    for (const [price, ids] of byPrice) {
      if (ids.length < 2) continue;
      for (const id of ids)
        expect(MINERS.find((m) => m.id === id)?.priceProvenance?.note, `${id} shares $${price}/TH`).toMatch(
          /band/,
        );
    }
    // The S23 Hyd (9.5 J/TH) no longer carries the S21-class fallback.
    expect(MINERS.find((m) => m.id === 'antminer-s23-hyd')?.priceUsdPerTh).not.toBe(
      DEFAULT_MINER_PRICE_USD_PER_TH,
    );
  });

  it('prices the default S21 XP at $25.70/TH (Hashrate Index, 2025-11-03), dated and sourced', () => {
    const m = MINERS.find((x) => x.id === DEFAULT_MINER_ID);
    expect(m?.name).toBe('Antminer S21 XP');
    expect(m?.priceUsdPerTh).toBe(25.7);
    expect(m?.priceProvenance?.asOf).toBe('2025-11-03');
    expect(m?.priceProvenance?.source).toContain('hashrateindex.com');
  });

  it('a price comes with its provenance, and a missing one is null with none (the fallback applies)', () => {
    for (const m of MINERS) {
      expect(m.priceUsdPerTh === null, m.id).toBe(m.priceProvenance === null);
      expect(m.usedPriceUsdPerTh === null, m.id).toBe(m.usedPriceProvenance === null);
    }
    expect(DEFAULT_MINER_PRICE_USD_PER_TH).toBe(15.5); // midpoint of $14-17/TH
  });

  it('second-hand S19-class value: ~$427 for a ~95 TH/s S19 (March 2024) = $4.49/TH', () => {
    const s19j = MINERS.find((m) => m.id === 'antminer-s19j-pro');
    expect(s19j?.usedPriceUsdPerTh).toBeCloseTo(427 / 95, 10); // 4.4947
    expect(s19j?.usedPriceProvenance?.asOf).toBe('2024-03');
    // Used rigs fetch a fraction of new ones: below the $15.5/TH fallback and the S21 XP's $25.70.
    for (const m of MINERS)
      if (m.usedPriceUsdPerTh !== null)
        expect(m.usedPriceUsdPerTh).toBeLessThan(DEFAULT_MINER_PRICE_USD_PER_TH);
  });
});

describe('GPUs', () => {
  const gpu = (id: string) => GPUS.find((g) => g.id === id);
  // InfiniBand per GPU from the H100 cluster model (2,048 nodes, 16,384 GPUs): ($27.648M + $41.943M) / 16,384
  const IB = (27_648_000 + 41_943_040) / 16_384; // $4,247.50
  const STORAGE = 3_000;

  it.each(['h100', 'h200', 'b200', 'gb200-nvl72', 'gb300-nvl72', 'mi300x'])('has %s', (id) => {
    expect(gpu(id), id).toBeDefined();
  });

  // Maker system figures: board W and server kW per GPU.
  it.each([
    ['h100', 700, 1.275, 1.275], // DGX H100 10.2 kW / 8
    ['h200', 700, 1.275, 1.275], // DGX H200 10.2 kW / 8
    ['b200', 1000, 1.7875, 1.7875], // DGX B200 14.3 kW / 8
    ['b300', 1250, 1.8125, 1.8125], // DGX B300 14.5 kW / 8
    ['gb200-nvl72', 1200, 1.667, 1.667], // ~120 kW / 72
    ['gb300-nvl72', 1400, 1.67, 1.83], // 120-132 kW / 72
    ['mi300x', 750, 0.75, 3], // node power unpublished: only require a plausible system figure
  ])('%s draws %i W per board and %f-%f kW per GPU at server level', (id, gpuW, lo, hi) => {
    const g = gpu(id);
    expect(g?.gpuW).toBe(gpuW);
    expect(g?.serverKwPerGpu).toBeGreaterThanOrEqual(lo - 0.001);
    expect(g?.serverKwPerGpu).toBeLessThanOrEqual(hi + 0.001);
  });

  it('the cluster draws 10% more than the servers (network and storage): recomputed', () => {
    for (const g of GPUS) {
      expect(g.kwPerGpu, g.id).toBeCloseTo(g.serverKwPerGpu * 1.1, 9);
      expect(g.kwPerGpu, g.id).toBeGreaterThan(g.gpuW / 1000); // system draw exceeds board power
    }
    expect(gpu('h100')?.kwPerGpu).toBe(1.4025); // 10.2 / 8 x 1.1
  });

  it('capex is all-in (server share + InfiniBand + storage), recomputed; the H100 ~$47k, not $27.5k', () => {
    for (const g of GPUS) {
      if (g.systemUsdPerGpu === null) expect(g.capexUsdPerGpu, g.id).toBeNull();
      else expect(g.capexUsdPerGpu, g.id).toBeCloseTo(g.systemUsdPerGpu + IB + STORAGE, 6);
    }
    // $317,000 / 8 = $39,625 + $4,247.50 + $3,000 = $46,872.50 (the cluster model's $47-52k adds facility costs,
    // which hashcalc counts in --fit-out)
    expect(gpu('h100')?.capexUsdPerGpu).toBeCloseTo(46_872.5, 6);
    // DGX B200 $515,000 / 8 = $64,375 + $7,247.50 = $71,622.50; GB200 rack $3M / 72 = $41,666.67 + $7,247.50
    expect(gpu('b200')?.capexUsdPerGpu).toBeCloseTo(71_622.5, 6);
    expect(gpu('gb200-nvl72')?.capexUsdPerGpu).toBeCloseTo(48_914.17, 2);
  });

  it('defaults never mix bases: every default rent is a contract price, dated and sourced', () => {
    for (const g of GPUS) {
      if (g.rentalUsdPerGpuHour === null) {
        expect(g.rentalPriceBasis, g.id).toBeNull();
        expect(g.rentalProvenance, g.id).toBeNull();
      } else {
        expect(g.rentalPriceBasis, g.id).toBe('contract');
        expect(g.rentalProvenance?.asOf, g.id).toMatch(ISO_DATE);
      }
      if (g.onDemandUsdPerGpuHour !== null) expect(g.onDemandProvenance, g.id).not.toBeNull();
      // An on-demand price is above a contract price for the same GPU.
      if (g.onDemandUsdPerGpuHour !== null && g.rentalUsdPerGpuHour !== null)
        expect(g.onDemandUsdPerGpuHour, g.id).toBeGreaterThan(g.rentalUsdPerGpuHour);
    }
    const h100 = gpu(DEFAULT_GPU_ID);
    expect(h100?.rentalUsdPerGpuHour).toBe(2.65); // SemiAnalysis 1-year contract index, late June 2026
    expect(h100?.rentalProvenance?.asOf).toBe('2026-06');
    expect(h100?.rentalProvenance?.source).toContain('semianalysis.com');
    // A contract bills every contracted hour: the default utilization is 1.
    expect(row('utilization').defaultValue).toBe(1);
  });
});

describe('deals', () => {
  // Average rates from the announced terms: [MW, years, USD] -> $M per MW-year, $ per kW-month.
  const TERMS: Record<string, [number, number, number, number, number]> = {
    'core-scientific-coreweave': [500, 12, 8.7e9, 1.45, 120.83], // 8.7B / 500 / 12
    'applied-digital-coreweave': [400, 15, 11e9, 1.8333, 152.78],
    'applied-digital-polaris-forge-2': [200, 15, 5e9, 1.6667, 138.89],
    'cipher-fluidstack': [168, 10, 3e9, 1.7857, 148.81],
    'cipher-fluidstack-expansion': [39, 10, 0.83e9, 2.1282, 177.35],
    'cipher-aws': [300, 15, 5.5e9, 1.2222, 101.85], // per gross MW
    'terawulf-fluidstack': [360, 10, 6.7e9, 1.8611, 155.09],
    'hut8-fluidstack': [245, 15, 7e9, 1.9048, 158.73],
    'hut8-beacon-point': [352, 15, 9.8e9, 1.8561, 154.67],
    'galaxy-coreweave': [526, 15, 15e9, 1.9011, 158.43], // 133 + 260 + 133 MW of IT, not 800
    'riot-amd': [25, 10, 311e6, 1.244, 103.67], // 311M / 25 / 10
    'applied-digital-delta-forge-1': [300, 15, 7.5e9, 1.6667, 138.89],
    'applied-digital-polaris-forge-3': [300, 15, 7.5e9, 1.6667, 138.89],
    'applied-digital-delta-forge-2': [210, 15, 5.2e9, 1.6508, 137.57], // 5.2B / 210 / 15
    'iren-microsoft': [200, 5, 9.7e9, 9.7, 808.33],
  };

  it('has every deal, ids unique', () => {
    expect(DEALS.map((d) => d.id).sort()).toEqual(Object.keys(TERMS).sort());
  });

  it.each(Object.entries(TERMS))(
    '%s: terms %j and the averages derived from them',
    (id, [mw, years, usd, m, kw]) => {
      const d = DEALS.find((x) => x.id === id);
      expect(d?.itMw).toBe(mw);
      expect(d?.termYears).toBe(years);
      expect(d?.totalValueUsd).toBe(usd);
      expect(d?.usdPerMwYear).toBeCloseTo(usd / mw / years, 6);
      expect(d?.usdPerKwMonth).toBeCloseTo(usd / mw / years / 12_000, 9);
      expect((d?.usdPerMwYear ?? 0) / 1e6).toBeCloseTo(m, 3);
      expect(d?.usdPerKwMonth).toBeCloseTo(kw, 1);
    },
  );

  it('year-1 rent where an escalator applies: the rent that, stepped up each year, sums to the value', () => {
    for (const d of DEALS) {
      if (d.escalatorPerYear === null) {
        expect(d.year1UsdPerKwMonth, d.id).toBeNull();
        expect(d.escalatorBasis, d.id).toBe('none stated');
        continue;
      }
      // Direct sum: R + R(1+g) + ... + R(1+g)^(n-1) = value per kW-month x 12 x n
      let factor = 0;
      for (let y = 0; y < d.termYears; y++) factor += (1 + d.escalatorPerYear) ** y;
      expect(d.year1UsdPerKwMonth, d.id).toBeCloseTo((d.usdPerKwMonth * d.termYears) / factor, 9);
      expect(d.year1UsdPerKwMonth as number, d.id).toBeLessThan(d.usdPerKwMonth);
    }
    // Hut 8 River Bend: 3.0% stated; 15 years: $158.73 x 15 / 18.599 = $128.02 (19% below the average)
    const hut8 = DEALS.find((x) => x.id === 'hut8-fluidstack');
    expect(hut8?.escalatorBasis).toBe('stated');
    expect(hut8?.year1UsdPerKwMonth).toBeCloseTo(128.02, 1);
    // Cipher: "annual escalators", 2.5% assumed, 10 years: $148.81 x 10 / 11.2034 = $132.83 (~11% below)
    const cipher = DEALS.find((x) => x.id === 'cipher-fluidstack');
    expect(cipher?.escalatorBasis).toBe('assumed');
    expect(cipher?.year1UsdPerKwMonth).toBeCloseTo(132.83, 1);
  });

  it("year-1 rents normalized with each lease's own term and escalator (0 where none is stated)", () => {
    // year 1 = average x g n / ((1 + g)^n - 1); with g = 0, year 1 = the average.
    // Hut 8 Beacon Point: 3% stated, 15 y: 154.67 x 0.45 / (1.03^15 - 1 = 0.557967) = 154.67 x 0.806499 = 124.74
    // TeraWulf: 2.5% assumed ("annual escalators"), 10 y: 155.09 x 0.25 / 0.280085 = 138.43
    // Riot - AMD: none stated, 10 y: 311M / 25 MW / 10 y / 12,000 = 103.67 (= the average)
    const hand: Record<string, number> = {
      'hut8-beacon-point': ((9.8e9 / 352 / 15 / 12_000) * (0.03 * 15)) / (1.03 ** 15 - 1),
      'terawulf-fluidstack': ((6.7e9 / 360 / 10 / 12_000) * (0.025 * 10)) / (1.025 ** 10 - 1),
      'riot-amd': 311e6 / 25 / 10 / 12_000,
      'galaxy-coreweave': 15e9 / 526 / 15 / 12_000,
    };
    expect(hand['hut8-beacon-point']).toBeCloseTo(124.74, 2);
    expect(hand['terawulf-fluidstack']).toBeCloseTo(138.43, 2);
    for (const [id, y1] of Object.entries(hand))
      expect(DEALS.find((d) => d.id === id)?.year1NormalizedUsdPerKwMonth, id).toBeCloseTo(y1, 9);
    for (const d of DEALS) {
      const g = d.escalatorPerYear ?? 0;
      let factor = 0;
      for (let y = 0; y < d.termYears; y++) factor += (1 + g) ** y;
      expect(d.year1NormalizedUsdPerKwMonth, d.id).toBeCloseTo((d.usdPerKwMonth * d.termYears) / factor, 9);
      if (d.year1UsdPerKwMonth !== null) expect(d.year1NormalizedUsdPerKwMonth).toBe(d.year1UsdPerKwMonth);
    }
  });

  it('Hut 8 River Bend: announced 2025-12-17, triple net', () => {
    const d = DEALS.find((x) => x.id === 'hut8-fluidstack');
    expect(d?.announced).toBe('2025-12-17');
    expect(d?.structure).toBe('triple-net');
  });

  it('Galaxy Helios is 526 MW of critical IT (800 MW is gross power) at ~$158/kW-month', () => {
    const d = DEALS.find((x) => x.id === 'galaxy-coreweave');
    expect(d?.itMw).toBe(133 + 260 + 133);
    expect(d?.mwBasis).toBe('it');
    expect(d?.usdPerKwMonth).toBeCloseTo(158.4, 1); // 15B / 526 / 15 / 12,000
  });

  it('IREN-Microsoft is a GPU cloud contract (~$9.7M per MW-year of IT, ~$29M of hardware per MW)', () => {
    const d = DEALS.find((x) => x.id === 'iren-microsoft');
    expect(d?.kind).toBe('gpu-cloud');
    expect((d?.hardwareCapexUsd ?? 0) / (d?.itMw ?? 1)).toBeCloseTo(29e6, -4); // 5.8B / 200 MW
    expect(DEALS.filter((x) => x.kind === 'lease')).toHaveLength(14);
    for (const x of DEALS) if (x.kind === 'lease') expect(x.hardwareCapexUsd, x.id).toBeNull();
  });
});

describe('conversions', () => {
  it('lists each company once (hashrates are never counted twice), the announced ones among them', () => {
    const companies = CONVERSIONS.map((c) => c.company);
    expect(new Set(companies).size).toBe(companies.length);
    for (const name of ['CleanSpark', 'Core Scientific', 'IREN', 'Hut 8', 'TeraWulf', 'Cipher', 'Riot'])
      expect(companies).toContain(name);
    // Bitfarms became Keel Infrastructure in April 2026
    expect(CONVERSIONS.find((c) => c.id === 'bitfarms')?.company).toMatch(/^Keel Infrastructure/);
  });

  it('gives self-mining hashrate as a positive number of EH/s or null, and every site a source', () => {
    for (const c of CONVERSIONS) {
      if (c.selfMiningEhs !== null) {
        expect(c.selfMiningEhs, c.id).toBeGreaterThan(0);
        expect(c.selfMiningEhs, c.id).toBeLessThan(100); // no public miner is near 100 EH/s
      }
      expect(c.sites.length, c.id).toBeGreaterThan(0);
      for (const s of c.sites) {
        expect(s.mw, `${c.id} ${s.site}`).toBeGreaterThan(0);
        expect(s.provenance.source, `${c.id} ${s.site}`).toMatch(URL_LIKE);
      }
    }
  });

  it('Bitfarms: ~341 MW energized, winding mining down through 2026-27, Washington first (Dec 2026)', () => {
    const b = CONVERSIONS.find((c) => c.id === 'bitfarms');
    expect(b?.operatingMw).toBe(341);
    expect(b?.miningPlan).toBe('winding down');
    expect(b?.sites[0]).toMatchObject({ mw: 18, expected: '2026-12', siteType: 'mining-conversion' });
  });
});

describe('defaults resting on the catalog', () => {
  it.each(DEFAULT_FIGURES.map((d) => [d.flag, d] as const))(
    '%s: the input table has the same value and basis',
    (_flag, d) => {
      const r = row(d.id);
      expect(r.flag).toBe(d.flag);
      expect(r.defaultValue).toBe(d.value);
      expect(r.basis).toBe(d.basis);
    },
  );

  it('--lease-rate is the median year-1 rent of the IT leases, each with its own term and escalator', () => {
    // From the raw terms [value, MW, years, escalator (0 where none is stated)], year 1 = avg x g n / ((1+g)^n - 1):
    const raw: [number, number, number, number][] = [
      [8.7e9, 500, 12, 0], // Core Scientific 120.83
      [11e9, 400, 15, 0], // Applied Digital - CoreWeave 152.78
      [5e9, 200, 15, 0], // Polaris Forge 2 138.89
      [3e9, 168, 10, 0.025], // Cipher 148.81 -> 132.83
      [830e6, 39, 10, 0], // Cipher expansion 177.35
      [6.7e9, 360, 10, 0.025], // TeraWulf 155.09 -> 138.43
      [7e9, 245, 15, 0.03], // Hut 8 River Bend 158.73 -> 128.02
      [9.8e9, 352, 15, 0.03], // Hut 8 Beacon Point 154.67 -> 124.74
      [15e9, 526, 15, 0], // Galaxy 158.43
      [311e6, 25, 10, 0], // Riot - AMD 103.67
      [7.5e9, 300, 15, 0], // Delta Forge 1 138.89
      [7.5e9, 300, 15, 0], // Polaris Forge 3 138.89
      [5.2e9, 210, 15, 0], // Delta Forge 2 137.57
    ];
    const year1 = raw
      .map(([usd, mw, n, g]) => {
        const avg = usd / mw / n / 12_000;
        return g === 0 ? avg : (avg * g * n) / ((1 + g) ** n - 1);
      })
      .sort((a, b) => a - b);
    // sorted: 103.67 120.83 124.74 128.02 132.83 137.57 [138.43] 138.89 138.89 138.89 152.78 158.43 177.35
    expect(year1[6]).toBeCloseTo(138.43, 2); // the 7th of 13: TeraWulf
    expect(DEALS.filter((d) => d.kind === 'lease' && d.mwBasis === 'it')).toHaveLength(raw.length);
    expect(defaultLeaseRateUsdPerKwMonth()).toBe(Math.round(year1[6] as number));
    expect(row('leaseUsdPerKwMonth').defaultValue).toBe(138);
    // The median term of the same leases: 10 10 10 10 12 15 [15] 15 15 15 15 15 15 -> 15 years
    const terms = raw.map((r) => r[2]).sort((a, b) => a - b);
    expect(terms[6]).toBe(15);
    expect(row('leaseTermYears').defaultValue).toBe(15);
    // Their escalators (0 where none is stated): nine 0s, 2.5%, 2.5%, 3%, 3% -> median 0
    expect(raw.map((r) => r[3]).sort((a, b) => a - b)[6]).toBe(0);
    expect(row('leaseEscalatorPerYear').defaultValue).toBe(0);
  });

  it('--difficulty-growth: the monthly growth since the 2024 halving, from the embedded epochs', () => {
    // epoch 838,656 (2024-04-10T21:17:33Z, 86.389T) to the newest, 953,568 (124.933T), whose start the block-time
    // source does not give: 941,472 began 2026-03-20T21:54:19Z and the six epochs after it took 2016 blocks
    // each at the interval their difficulties imply, ~2026-06-14T00:32:58Z. That is 26.09 months:
    // (124.933 / 86.389)^(1 / 26.09) - 1 = 1.4462^(0.03833) - 1 = 1.424% -> 1.4%
    const from = DIFFICULTY_EPOCHS.find((e) => e[0] === 838_656);
    const to = DIFFICULTY_EPOCHS.at(-1);
    expect(to?.[0]).toBe(953_568);
    expect(new Date(embeddedSnapshot().difficulty.asOfMs).toISOString()).toBe('2026-06-14T00:32:58.000Z');
    const months = (Date.parse('2026-06-14T00:32:58Z') / 1000 - (from?.[1] ?? 0)) / ((365.25 * 86_400) / 12);
    expect(months).toBeCloseTo(26.09, 2);
    const growth = ((to?.[2] ?? 0) / (from?.[2] ?? 1)) ** (1 / months) - 1;
    expect(growth).toBeCloseTo(0.01424, 5);
    expect(row('difficultyGrowthPerMonth').defaultValue).toBe(0.014);
  });
});

describe('valuations', () => {
  const mark = (id: string) => {
    const found = VALUATIONS.find((v) => v.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('has unique ids, every mark low <= high, per-MW marks in USD and cap rates as fractions', () => {
    expect(new Set(VALUATIONS.map((v) => v.id)).size).toBe(VALUATIONS.length);
    for (const v of VALUATIONS) {
      expect(v.low, v.id).toBeLessThanOrEqual(v.high);
      if (v.kind === 'cap-rate') {
        expect(v.mwBasis, v.id).toBeNull();
        expect(v.high, v.id).toBeLessThan(0.2);
      } else expect(v.low, v.id).toBeGreaterThan(100_000);
    }
  });

  it("CoreWeave's all-stock bid for Core Scientific: ~$9.0B / ~1,300 MW gross = $6.923M per gross MW", () => {
    const bid = mark('coreweave-core-scientific');
    expect(bid.kind).toBe('bid');
    expect(bid.mwBasis).toBe('gross');
    expect(bid.low).toBeCloseTo(9_000_000_000 / 1300, -1);
    expect(bid.provenance.confidence).toBe('derived');
  });

  it('Aligned Data Centers: $40B / 5,000 MW = $8.0M per MW (MW basis not stated: no --sell-per-mw mark)', () => {
    expect(mark('aligned-aip').low).toBe(40_000_000_000 / 5000);
    expect(SALE_MARKS.map((m) => m.id)).toEqual(['coreweave-core-scientific']);
  });

  it("J.P. Morgan's colocation value: $8-17M per critical IT MW (2025-11-24)", () => {
    const jpm = mark('jpm-colocation-2025-11');
    expect([jpm.low, jpm.high, jpm.mwBasis]).toEqual([8e6, 17e6, 'it']);
    expect(jpm.provenance.asOf).toBe('2025-11-24');
  });

  it('data-center cap rates as cited from JLL Q1 2026: hyperscale 5.5-6.5%, colocation 6-7%', () => {
    expect([mark('dc-cap-rate-hyperscale').low, mark('dc-cap-rate-hyperscale').high]).toEqual([0.055, 0.065]);
    expect([mark('dc-cap-rate-colocation').low, mark('dc-cap-rate-colocation').high]).toEqual([0.06, 0.07]);
  });
});

describe('provenance a user can follow', () => {
  const figures = catalogFigures();

  it('every figure has an https source off the aggregator list, a date not in the future and a confidence', () => {
    expect(figures.length).toBeGreaterThan(60);
    for (const f of figures) {
      const label = `${f.kind} ${f.id} ${f.figure}`;
      expect(f.provenance.source, label).toMatch(URL_LIKE);
      expect(f.provenance.source, label).toMatch(/^https:\/\//);
      expect(isForbiddenSource(f.provenance.source), label).toBe(false);
      expect(f.provenance.asOf, label).toMatch(ISO_DATE);
      expect(Number.isNaN(dateMs(f.provenance.asOf)), label).toBe(false);
      expect(dateMs(f.provenance.asOf), label).toBeLessThanOrEqual(TEST_NOW_MS);
      expect(CONFIDENCES, label).toContain(f.provenance.confidence);
      if (f.provenance.confidence === 'estimate')
        expect(f.provenance.note?.length ?? 0, label).toBeGreaterThan(20);
    }
  });

  it('only nameplates and signed terms are fixed facts; prices, rents and hashrates age', () => {
    for (const f of figures) {
      const fixed = f.provenance.fixed === true;
      expect(fixed, `${f.kind} ${f.id} ${f.figure}`).toBe(['nameplate', 'power', 'terms'].includes(f.figure));
    }
  });

  it('no listed aggregator or machine-written domain appears anywhere in the catalog, notes included', () => {
    const everything = JSON.stringify([
      MINERS,
      GPUS,
      DEALS,
      CONVERSIONS,
      VALUATIONS,
      DEFAULT_FIGURES,
      figures,
    ]);
    expect(FORBIDDEN_SOURCE_DOMAINS.length).toBeGreaterThanOrEqual(5);
    for (const domain of FORBIDDEN_SOURCE_DOMAINS) expect(everything, domain).not.toContain(domain);
    expect(isForbiddenSource('https://fi.salmoncrypto.com/x')).toBe(true);
    expect(isForbiddenSource('https://www.sec.gov/x')).toBe(false);
  });

  it('never cites the project-internal reference facts', () => {
    const everything = JSON.stringify([
      MINERS,
      GPUS,
      DEALS,
      CONVERSIONS,
      VALUATIONS,
      DEFAULT_FIGURES,
      figures,
    ]);
    expect(everything).not.toMatch(/reference facts|section \d|FACTS/i);
    expect(EMBEDDED_SNAPSHOT.sources).not.toMatch(/reference facts|section \d/i);
    expect(EMBEDDED_SNAPSHOT.sources).toMatch(/https:\/\//);
  });

  it("docs/data.md's catalog table is the one made from the catalog (npm run docs)", () => {
    const doc = readFileSync(new URL('../../docs/data.md', import.meta.url), 'utf8');
    const from = doc.indexOf(CATALOG_DOCS_START);
    const to = doc.indexOf(CATALOG_DOCS_END);
    expect(from, 'docs/data.md has the catalog markers').toBeGreaterThan(0);
    expect(doc.slice(from, to + CATALOG_DOCS_END.length)).toBe(catalogMarkdown());
    // and it shows the default GPU's figures as the catalog has them
    expect(doc).toContain('| NVIDIA H100 SXM: capex per GPU | $46,873 |');
    expect(doc).toContain('| NVIDIA H100 SXM: rent (contract) | $2.65/GPU-h |');
  });
});

describe('staleness', () => {
  const DAY = 86_400_000;
  const NOW = Date.parse('2026-12-01T00:00:00Z');

  it('ages what can age, oldest first, and leaves fixed facts alone', () => {
    const s = staleness(NOW, 180 * DAY);
    expect(s.checkedOn).toBe('2026-12-01');
    expect(s.checked + s.fixed).toBe(catalogFigures().length);
    expect(s.stale.length).toBeGreaterThan(0);
    const ages = s.stale.map((f) => f.ageDays);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    for (const f of s.stale) expect(f.ageDays).toBeGreaterThan(180);
    // The H100 contract rent of June 2026: 2026-06-01 to 2026-12-01 is 183 days
    expect(s.stale.find((f) => f.id === 'h100' && f.figure === 'rental')?.ageDays).toBe(183);
    expect(s.stale.some((f) => f.figure === 'nameplate' || f.figure === 'terms')).toBe(false);
  });

  it('nothing is stale against a limit longer than the oldest figure, and a kind filters', () => {
    expect(staleness(NOW, 100 * 365 * DAY).stale).toEqual([]);
    const gpus = staleness(NOW, 180 * DAY, 'gpus');
    expect(gpus.stale.every((f) => f.kind === 'gpus')).toBe(true);
  });
});

describe('matchModel', () => {
  it.each(['s21xp', 'S21 XP', 'antminer-s21-xp', 'Antminer S21 XP', 'bitmain antminer s21xp'])(
    'finds the S21 XP from %j',
    (q) => {
      const r = matchModel(q, MINERS);
      expect(r.ok && r.model.id).toBe('antminer-s21-xp');
    },
  );

  it.each(['M30S++', 'whatsminer m30s++', 'm30spp', 'M30S plus plus'])('finds the M30S++ from %j', (q) => {
    const r = matchModel(q, MINERS);
    expect(r.ok && r.model.id).toBe('whatsminer-m30s-plus-plus');
  });

  it('tells the S21 from the S21 XP and the S21 XP Hyd', () => {
    const id = (q: string) => {
      const r = matchModel(q, MINERS);
      return r.ok ? r.model.id : null;
    };
    expect(id('S21')).toBe('antminer-s21');
    expect(id('S21 XP Hyd')).toBe('antminer-s21-xp-hyd');
    expect(id('s21 hydro')).toBe('antminer-s21-hyd');
  });

  it('suggests the S21 XP for the typo S21X', () => {
    const r = matchModel('S21X', MINERS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    expect(r.suggestions.map((m) => m.id)).toContain('antminer-s21-xp');
  });

  it('fails on a name that is nothing like a model', () => {
    expect(matchModel('nope', MINERS).ok).toBe(false);
  });

  it('finds GPUs by id, name and alias', () => {
    const id = (q: string) => {
      const r = matchModel(q, GPUS);
      return r.ok ? r.model.id : null;
    };
    expect(id('H100')).toBe('h100');
    expect(id('NVIDIA H100 SXM')).toBe('h100');
    expect(id('gb200')).toBe('gb200-nvl72');
    expect(id('GB300 NVL72')).toBe('gb300-nvl72');
    expect(id('AMD MI300X')).toBe('mi300x');
  });

  it('normalizes case, punctuation, "+" and vendor words, but never to nothing', () => {
    expect(normalizeModelName('Bitmain Antminer S21')).toBe('s21');
    expect(normalizeModelName('M30S++')).toBe('m30splusplus');
    expect(normalizeModelName('antminer')).toBe('antminer');
  });
});

describe('embedded snapshot (2026-01-12, Hashrate Index roundup; FACTS section 12)', () => {
  const s = EMBEDDED_SNAPSHOT;

  it('is consistent with the embedded epochs: its difficulty is the one of the epoch holding its height', () => {
    const epoch = [...DIFFICULTY_EPOCHS].reverse().find(([start]) => start <= s.heightBlocks);
    expect(epoch?.[0]).toBe(931_392);
    expect(s.difficulty).toBe(epoch?.[2]);
    // the epoch began before the snapshot's date, and the next one after it
    expect((epoch?.[1] ?? 0) * 1000).toBeLessThan(Date.parse(s.asOf));
    const next = DIFFICULTY_EPOCHS.find(([start]) => start > s.heightBlocks);
    expect((next?.[1] ?? 0) * 1000).toBeGreaterThan(Date.parse(s.asOf));
    expect(subsidyBtc(s.heightBlocks)).toBe(3.125);
  });

  it("gives Hashrate Index's BTC hashprice of 2026-01-12 within 0.1%, and its USD one within 1%", () => {
    // 86400e15 / (146472570619930.78 x 2^32) x (3.125 + 17/1008) = 0.00043150 BTC (index: 0.00043143);
    // x $91,132 = $39.32 (index: $39.53, at another moment of the day)
    const hp = computeHashprice({
      difficulty: s.difficulty,
      subsidyBtc: subsidyBtc(s.heightBlocks),
      avgFeesBtcPerBlock: s.avgFeesBtcPerBlock,
      btcUsd: s.btcUsd,
    });
    expect(Math.abs(hp.hashpriceBtcPerPhDay / 0.00043143 - 1)).toBeLessThan(0.001);
    expect(Math.abs(hp.hashpriceUsdPerPhDay / 39.53 - 1)).toBeLessThan(0.01);
  });

  it('has a hashrate estimate (7-day SMA 1,024 EH/s) within 5% of the difficulty-implied one', () => {
    // 146472570619930.78 x 2^32 / 600 = 1.0485e21 H/s
    expect(Math.abs(impliedHashrateHs(s.difficulty) / s.estimatedHashrateHs - 1)).toBeLessThan(0.05);
  });
});
