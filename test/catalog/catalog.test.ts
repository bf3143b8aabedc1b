/**
 * Catalog data checked against the reference facts (sections 4-7), model-name matching, and the embedded snapshot.
 */
import { describe, expect, it } from 'vitest';
import { DEALS } from '../../src/catalog/deals.js';
import { GPUS } from '../../src/catalog/gpus.js';
import { matchModel, normalizeModelName } from '../../src/catalog/match.js';
import { DEFAULT_MINER_ID, MINERS, minerEfficiencyJPerTh } from '../../src/catalog/miners.js';
import { EMBEDDED_SNAPSHOT } from '../../src/catalog/snapshot.js';
import { impliedHashrateHs, subsidyBtc } from '../../src/core/bitcoin.js';
import { computeHashprice } from '../../src/core/hashprice.js';

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** FACTS section 5: model name -> [TH/s, J/TH]. */
const FACTS_MINERS: Record<string, [number, number]> = {
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
  it('has at least 12 models with unique ids', () => {
    expect(MINERS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(MINERS.map((m) => m.id)).size).toBe(MINERS.length);
  });

  it('dates and sources every entry', () => {
    for (const m of MINERS) {
      expect(m.provenance.source.length, m.id).toBeGreaterThan(0);
      expect(m.provenance.asOf, m.id).toMatch(ISO_DATE);
    }
  });

  it.each(Object.entries(FACTS_MINERS))(
    '%s matches FACTS: %j (TH/s, J/TH within 0.2)',
    (name, [ths, jPerTh]) => {
      const m = MINERS.find((x) => x.name === name);
      expect(m, name).toBeDefined();
      if (!m) return;
      expect(m.hashrateThs).toBe(ths);
      expect(Math.abs(m.powerW / m.hashrateThs - jPerTh)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(minerEfficiencyJPerTh(m) - jPerTh)).toBeLessThanOrEqual(0.2);
    },
  );

  it('prices the default S21 XP at $25.70/TH (Hashrate Index, 2025-11-03)', () => {
    const m = MINERS.find((x) => x.id === DEFAULT_MINER_ID);
    expect(m?.name).toBe('Antminer S21 XP');
    expect(m?.priceUsdPerTh).toBe(25.7);
  });
});

describe('GPUs', () => {
  it.each(['h100', 'h200', 'b200', 'gb200-nvl72', 'gb300-nvl72', 'mi300x'])(
    'has %s, dated and sourced',
    (id) => {
      const g = GPUS.find((x) => x.id === id);
      expect(g, id).toBeDefined();
      expect(g?.provenance.source.length).toBeGreaterThan(0);
      expect(g?.provenance.asOf).toMatch(ISO_DATE);
    },
  );

  it('dates and sources every entry', () => {
    for (const g of GPUS) {
      expect(g.provenance.source.length, g.id).toBeGreaterThan(0);
      expect(g.provenance.asOf, g.id).toMatch(ISO_DATE);
      expect(g.kwPerGpu, g.id).toBeGreaterThan(g.gpuW / 1000); // system draw exceeds board power
    }
  });

  // FACTS section 6: board W and system kW per GPU.
  it.each([
    ['h100', 700, 1.275, 1.275], // DGX H100 10.2 kW / 8
    ['h200', 700, 1.275, 1.275], // DGX H200 10.2 kW / 8
    ['b200', 1000, 1.79, 1.79], // DGX B200 14.3 kW / 8 = 1.7875
    ['gb200-nvl72', 1200, 1.67, 1.67], // ~120 kW / 72 = 1.667
    ['gb300-nvl72', 1400, 1.67, 1.83], // 120-132 kW / 72
    ['mi300x', 750, 0.75, 3], // node power unpublished: only require a plausible system figure
  ])('%s draws %i W per board and %f-%f kW per GPU at system level', (id, gpuW, lo, hi) => {
    const g = GPUS.find((x) => x.id === id);
    expect(g?.gpuW).toBe(gpuW);
    expect(g?.kwPerGpu).toBeGreaterThanOrEqual(lo - 0.005);
    expect(g?.kwPerGpu).toBeLessThanOrEqual(hi + 0.005);
  });
});

describe('deals', () => {
  // FACTS section 7: id -> [$M per MW-yr, $/kW-month]
  const FACTS_DEALS: Record<string, [number, number]> = {
    'core-scientific-coreweave': [1.45, 121],
    'applied-digital-coreweave': [1.83, 153],
    'cipher-fluidstack': [1.79, 149],
    'cipher-aws': [1.22, 102],
    'terawulf-fluidstack': [1.86, 155],
    'hut8-fluidstack': [1.9, 159],
    'galaxy-coreweave': [1.25, 104],
    'iren-microsoft': [9.7, 808],
  };

  it.each(Object.entries(FACTS_DEALS))(
    '%s derives FACTS %j ($M/MW-yr within 0.01, $/kW-month within 1)',
    (id, [mPerMwYr, perKwMonth]) => {
      const d = DEALS.find((x) => x.id === id);
      expect(d, id).toBeDefined();
      expect(Math.abs((d?.usdPerMwYear ?? 0) / 1e6 - mPerMwYr)).toBeLessThanOrEqual(0.01);
      expect(Math.abs((d?.usdPerKwMonth ?? 0) - perKwMonth)).toBeLessThanOrEqual(1);
    },
  );

  it('dates and sources every deal', () => {
    for (const d of DEALS) {
      expect(d.provenance.source.length, d.id).toBeGreaterThan(0);
      expect(d.provenance.asOf, d.id).toMatch(ISO_DATE);
    }
  });

  it('marks IREN-Microsoft as a GPU cloud contract, not a lease', () => {
    expect(DEALS.find((d) => d.id === 'iren-microsoft')?.kind).toBe('gpu-cloud');
    expect(DEALS.filter((d) => d.kind === 'lease')).toHaveLength(7);
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

describe('embedded snapshot (2025-11-22, FACTS section 4)', () => {
  const s = EMBEDDED_SNAPSHOT;

  it('carries the FACTS inputs', () => {
    expect(s.asOf.slice(0, 10)).toBe('2025-11-22');
    expect(s.difficulty).toBe(152_271_406_129_092);
    expect(s.btcUsd).toBe(84_775);
    // 3.04 BTC over 143 blocks = 0.021259 BTC per block, inside FACTS' 0.021-0.024
    expect(s.avgFeesBtcPerBlock).toBeGreaterThanOrEqual(0.021);
    expect(s.avgFeesBtcPerBlock).toBeLessThanOrEqual(0.024);
    // the epoch began at 923328 and the next one at 925344
    expect(s.heightBlocks).toBeGreaterThanOrEqual(923_328);
    expect(s.heightBlocks).toBeLessThan(925_344);
    expect(subsidyBtc(s.heightBlocks)).toBe(3.125);
  });

  it("gives a hashprice within 2% of Luxor's all-time low of $35.06/PH/day", () => {
    // 86400e15 / (152271406129092 x 2^32) x (3.125 + 0.021259) x 84775 = $35.237/PH/day (+0.5%)
    const hp = computeHashprice({
      difficulty: s.difficulty,
      subsidyBtc: subsidyBtc(s.heightBlocks),
      avgFeesBtcPerBlock: s.avgFeesBtcPerBlock,
      btcUsd: s.btcUsd,
    });
    expect(Math.abs(hp.hashpriceUsdPerPhDay / 35.06 - 1)).toBeLessThan(0.02);
  });

  it('has a hashrate estimate inside 1.06-1.12 ZH/s, near the difficulty-implied 1.090 ZH/s', () => {
    expect(s.estimatedHashrateHs).toBeGreaterThanOrEqual(1.06e21);
    expect(s.estimatedHashrateHs).toBeLessThanOrEqual(1.12e21);
    // 152271406129092 x 2^32 / 600 = 1.0900e21 H/s
    expect(Math.abs(impliedHashrateHs(s.difficulty) / s.estimatedHashrateHs - 1)).toBeLessThan(0.01);
  });
});

describe('provenance a user can follow', () => {
  it('never cites the project-internal reference facts, and every source names a public place', () => {
    const sources = [
      ...MINERS.map((m) => m.provenance.source),
      ...GPUS.map((g) => g.provenance.source),
      ...DEALS.map((d) => d.provenance.source),
      EMBEDDED_SNAPSHOT.sources,
    ];
    for (const source of sources) {
      expect(source).not.toMatch(/reference facts|section \d/i);
      expect(source.length).toBeGreaterThan(20);
    }
    for (const m of MINERS) expect(m.provenance.source, m.id).toMatch(/https:\/\//);
    for (const g of GPUS) expect(g.provenance.source, g.id).toMatch(/https:\/\//);
    expect(EMBEDDED_SNAPSHOT.sources).toMatch(/https:\/\//);
  });
});
