import type { MinerModel, Provenance } from './types.js';

/** The manufacturers' own pages, where each model's nameplate figures are published. */
const VENDOR_PAGES = {
  Bitmain: 'https://shop.bitmain.com',
  MicroBT: 'https://www.microbt.com',
  Canaan: 'https://www.canaan.io',
  Bitdeer: 'https://www.bitdeer.com',
} as const;

/** The nameplate as the maker publishes it: a fixed fact of the model (hashrate +-3-5%, power +-5-10%). */
const nameplate = (vendor: keyof typeof VENDOR_PAGES, overrides: Partial<Provenance> = {}): Provenance => ({
  source: VENDOR_PAGES[vendor],
  asOf: '2025-11',
  confidence: 'primary',
  note: 'nameplate as published by the manufacturer: hashrate +-3-5%, power +-5-10%',
  fixed: true,
  ...overrides,
});

/** Hashrate Index weekly roundup of 2025-11-03: "hardware pricing held steady with the S21XP at $25.70/TH". */
const S21XP_PRICE: Provenance = {
  source: 'https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025',
  asOf: '2025-11-03',
  confidence: 'secondary',
  note: 'Hashrate Index (Luxor) ASIC price index, new units',
};

/**
 * Second-hand S19-series value: ~$427 a machine in March 2024 (Luxor's data, reported by Bloomberg), down from
 * $7,030 in March 2022; about $356 expected after the April 2024 halving. Per TH/s for a ~95 TH/s S19.
 */
export const USED_S19_USD_PER_UNIT = 427;
export const USED_S19_THS = 95;
const USED_S19: Provenance = {
  source: 'https://cointime.ai/flash-news/bloomberg-68534',
  asOf: '2024-03',
  confidence: 'derived',
  note: `used S19-series rigs ~$${USED_S19_USD_PER_UNIT} each (Luxor data via Bloomberg) / ${USED_S19_THS} TH/s; the newest public second-hand figure found`,
};

/** No dated public price: hashcalc uses DEFAULT_MINER_PRICE_USD_PER_TH for capex. */
const NO_PRICE = null;

/** ASIC catalog. Efficiency (J/TH) is derived as powerW / hashrateThs. */
export const MINERS: readonly MinerModel[] = [
  {
    id: 'antminer-s19j-pro',
    name: 'Antminer S19j Pro',
    vendor: 'Bitmain',
    hashrateThs: 104,
    powerW: 3068,
    cooling: 'air',
    year: 2021,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: USED_S19_USD_PER_UNIT / USED_S19_THS,
    usedPriceProvenance: USED_S19,
    aliases: ['s19jpro'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s19-xp',
    name: 'Antminer S19 XP',
    vendor: 'Bitmain',
    hashrateThs: 140,
    powerW: 3010,
    cooling: 'air',
    year: 2022,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s19xp'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s21',
    name: 'Antminer S21',
    vendor: 'Bitmain',
    hashrateThs: 200,
    powerW: 3500,
    cooling: 'air',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s21'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s21-hyd',
    name: 'Antminer S21 Hyd',
    vendor: 'Bitmain',
    hashrateThs: 335,
    powerW: 5360,
    cooling: 'hydro',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s21hyd', 's21hydro'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s21-pro',
    name: 'Antminer S21 Pro',
    vendor: 'Bitmain',
    hashrateThs: 234,
    powerW: 3510,
    cooling: 'air',
    year: 2024,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s21pro'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s21-xp',
    name: 'Antminer S21 XP',
    vendor: 'Bitmain',
    hashrateThs: 270,
    powerW: 3645,
    cooling: 'air',
    year: 2024,
    priceUsdPerTh: 25.7,
    priceProvenance: S21XP_PRICE,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s21xp'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s21-xp-hyd',
    name: 'Antminer S21 XP Hyd',
    vendor: 'Bitmain',
    hashrateThs: 473,
    powerW: 5676,
    cooling: 'hydro',
    year: 2024,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s21xphyd', 's21xphydro'],
    provenance: nameplate('Bitmain'),
  },
  {
    id: 'antminer-s23-hyd',
    name: 'Antminer S23 Hyd',
    vendor: 'Bitmain',
    hashrateThs: 580,
    powerW: 5510,
    cooling: 'hydro',
    year: 2026,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s23hyd', 's23hydro'],
    provenance: nameplate('Bitmain', {
      source:
        'https://fi.salmoncrypto.com/bitmainin-116-ph-s-bitcoin-kaivuri-asic-asekilpailu-saa-todellista-vauhtia',
      asOf: '2025-11',
      confidence: 'secondary',
      note: 'announced at the World Digital Mining Summit 2025 for 2026 (580 TH/s, 9.5 J/TH as reported by Bitcoin.com; TheMinerMag reported 9.7 J/TH): shipping figures may differ',
    }),
  },
  {
    id: 'whatsminer-m30s-plus-plus',
    name: 'Whatsminer M30S++',
    vendor: 'MicroBT',
    hashrateThs: 112,
    powerW: 3472,
    cooling: 'air',
    year: 2020,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: USED_S19_USD_PER_UNIT / USED_S19_THS,
    usedPriceProvenance: {
      ...USED_S19,
      confidence: 'estimate',
      note: 'no public second-hand index for this model: the used S19-series price per TH/s (same ~30 J/TH generation) applied',
    },
    aliases: ['m30s++', 'm30spp', 'm30splusplus'],
    provenance: nameplate('MicroBT'),
  },
  {
    id: 'whatsminer-m50s',
    name: 'Whatsminer M50S',
    vendor: 'MicroBT',
    hashrateThs: 126,
    powerW: 3276,
    cooling: 'air',
    year: 2022,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['m50s'],
    provenance: nameplate('MicroBT'),
  },
  {
    id: 'whatsminer-m60s',
    name: 'Whatsminer M60S',
    vendor: 'MicroBT',
    hashrateThs: 186,
    powerW: 3441,
    cooling: 'air',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['m60s'],
    provenance: nameplate('MicroBT', {
      source:
        'https://tech4u.app/bitcoin-mining-stocks-soar-as-companies-rush-to-buy-new-hardware-ahead-of-halving',
      asOf: '2023-10',
      confidence: 'estimate',
      note: 'launch coverage gave 178 and 186 TH/s models at 17.5 J/TH; hashcalc keeps the more conservative 18.5 J/TH (3,441 W) for the 186 TH/s unit until a spec sheet confirms either',
    }),
  },
  {
    id: 'whatsminer-m63s',
    name: 'Whatsminer M63S',
    vendor: 'MicroBT',
    hashrateThs: 390,
    powerW: 7215,
    cooling: 'hydro',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['m63s'],
    provenance: nameplate('MicroBT'),
  },
  {
    id: 'whatsminer-m66s',
    name: 'Whatsminer M66S',
    vendor: 'MicroBT',
    hashrateThs: 298,
    powerW: 5400,
    cooling: 'immersion',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['m66s'],
    provenance: nameplate('MicroBT', {
      note: 'nameplate of the 298 TH/s immersion variant at ~18.1 J/TH; power rounded from the published efficiency',
    }),
  },
  {
    id: 'avalon-a1466',
    name: 'Avalon A1466',
    vendor: 'Canaan',
    hashrateThs: 150,
    powerW: 3230,
    cooling: 'air',
    year: 2023,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['a1466'],
    provenance: nameplate('Canaan'),
  },
  {
    id: 'avalon-a16-xp',
    name: 'Avalon A16 XP',
    vendor: 'Canaan',
    hashrateThs: 300,
    powerW: 3850,
    cooling: 'air',
    year: 2025,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['a16xp'],
    provenance: nameplate('Canaan', {
      source: 'https://hashrateindex.com/blog/hardware-review-canaans-a16-series',
      asOf: '2025-10',
      confidence: 'secondary',
      note: "Canaan's stock specification (300 TH/s +-5%, 3,850 W +-10%, 12.8 J/TH) as tested by Hashrate Index; introduced October 2025",
    }),
  },
  {
    id: 'sealminer-a2',
    name: 'SealMiner A2',
    vendor: 'Bitdeer',
    hashrateThs: 226,
    powerW: 3729,
    cooling: 'air',
    year: 2024,
    priceUsdPerTh: NO_PRICE,
    priceProvenance: null,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['a2', 'sealminera2'],
    provenance: nameplate('Bitdeer'),
  },
];

/** Default miner when none is given: the current air-cooled flagship with a dated price. */
export const DEFAULT_MINER_ID = 'antminer-s21-xp';

/**
 * Miner price when a model has no dated price of its own: midpoint of the $14-17/TH S21-class range quoted
 * 2023-2026. An estimate: no public index publishes a per-model price for most of the catalog.
 */
export const DEFAULT_MINER_PRICE_USD_PER_TH = 15.5;

export const FALLBACK_MINER_PRICE: Provenance = {
  source: 'https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025',
  asOf: '2025-11-03',
  confidence: 'estimate',
  note: 'fallback for models with no dated price: midpoint of $14-17/TH quoted for S21-class rigs 2023-2026, below the $25.70/TH the index gave the S21 XP',
};

export function minerEfficiencyJPerTh(model: Pick<MinerModel, 'powerW' | 'hashrateThs'>): number {
  return model.powerW / model.hashrateThs;
}
