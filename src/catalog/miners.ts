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

/*
 * New-miner prices, each dated: a model's own quote where the index publisher (Hashrate Index / Luxor) or the
 * maker's price list gives one, else the price of its efficiency band (and cooling) from the newest public
 * source, said so in the note ("band price"). No 2026 value of the ASIC Price Index by tier was found in the
 * public record (the tiers' chart is behind Hashrate Index's data pages): the dates show how old each is, and
 * `hashcalc catalog --stale` lists them.
 */
const HASHRATE_INDEX_2025_11_03 = 'https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025';
const LUXOR_RFQ_2023_06 = 'https://hashrateindex.com/blog/luxor-rfq-june-2023-update/';
/** Bitmain's December 2025 price cuts (TheMinerMag's report of its price lists, republished from CryptoSlate). */
const BITMAIN_PRICE_CUTS_2025_12 = 'https://bitbuzz.org/?p=399361';

/** Hashrate Index roundup of 2025-11-03: the S21 XP at $25.70/TH. */
const S21XP_PRICE: Provenance = {
  source: HASHRATE_INDEX_2025_11_03,
  asOf: '2025-11-03',
  confidence: 'primary',
  note: "the model's own quote in the Hashrate Index (Luxor) ASIC price index, new units; also the band price of the air-cooled <19 J/TH models without a quote of their own",
};

/** Air-cooled models under 19 J/TH without a quote: the newest index quote in their band, the S21 XP's. */
const AIR_UNDER_19_BAND: Provenance = {
  ...S21XP_PRICE,
  confidence: 'estimate',
  note: "band price (air-cooled, <19 J/TH): no dated quote for this model; the band's newest index quote is the S21 XP's $25.70/TH (2025-11-03); older or less efficient models of the band likely sell for less",
};

/** Bitmain hydro and immersion S21 models: $7-8/TH before coupons on its December 2025 price lists. */
const HYDRO_PRICE_2025_12 = 7.5;
const HYDRO_BAND: Provenance = {
  source: BITMAIN_PRICE_CUTS_2025_12,
  asOf: '2025-12-23',
  confidence: 'secondary',
  note: "band price (hydro and immersion, <19 J/TH): Bitmain's price lists of 2025-12-23 put S21 hydro and immersion models at ~$7-8/TH before coupons (midpoint), S19 XP+ Hydro bundles ~$4/TH; TheMinerMag's report as republished; no primary (the maker's lists are not public)",
};
const hydroBandFor = (model: string): Provenance => ({
  ...HYDRO_BAND,
  confidence: 'estimate',
  note: `band price (hydro and immersion, <19 J/TH): no dated quote for the ${model}; Bitmain's S21 hydro and immersion models listed at ~$7-8/TH before coupons on 2025-12-23 (midpoint)`,
});

/** Luxor's RFQ desk, June 2023: market prices per model (the newest per-model quotes found for these). */
const rfq2023 = (note: string, confidence: Provenance['confidence'] = 'primary'): Provenance => ({
  source: LUXOR_RFQ_2023_06,
  asOf: '2023-06',
  confidence,
  note,
});

/** The 19-25 J/TH band (then "under 25 J/TH"): ~$20/TH in July 2023 (Hashrate Index data). */
const UNDER_25_BAND_2023: Provenance = {
  source:
    'https://www.coindesk.com/consensus-magazine/2023/07/26/bitcoin-miners-buy-up-rigs-as-prices-near-all-time-lows/',
  asOf: '2023-07',
  confidence: 'estimate',
  note: "band price (19-25 J/TH): no dated quote for this model; Hashrate Index's under-25 J/TH tier at ~$20/TH in July 2023 (CoinDesk); no newer value of the tier was found",
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
    priceUsdPerTh: 13.25,
    priceProvenance: rfq2023(
      "band price (25-38 J/TH): no quote for the S19j Pro; the S19 Pro 104 TH/s (same 29.5 J/TH nameplate) at $13.25/TH on Luxor's RFQ desk, June 2023",
      'estimate',
    ),
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
    priceUsdPerTh: 24,
    priceProvenance: rfq2023(
      "the model's own market price on Luxor's RFQ desk (Hashrate Index), June 2023: the newest per-model quote found",
    ),
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
    priceUsdPerTh: 25.7,
    priceProvenance: AIR_UNDER_19_BAND,
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
    priceUsdPerTh: HYDRO_PRICE_2025_12,
    priceProvenance: HYDRO_BAND,
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
    priceUsdPerTh: 25.7,
    priceProvenance: AIR_UNDER_19_BAND,
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
    priceUsdPerTh: HYDRO_PRICE_2025_12,
    priceProvenance: HYDRO_BAND,
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
    priceUsdPerTh: HYDRO_PRICE_2025_12,
    priceProvenance: hydroBandFor('S23 Hyd (shipping 2026; likely above the S21 hydro price)'),
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['s23hyd', 's23hydro'],
    provenance: nameplate('Bitmain', {
      asOf: '2025-11',
      confidence: 'estimate',
      note: "announced at the World Digital Mining Summit 2025 for 2026 (580 TH/s at 9.5 J/TH as reported by Bitcoin.com; TheMinerMag reported 9.7 J/TH); no maker specification sheet was found: check the maker's shop, shipping figures may differ",
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
    priceUsdPerTh: 13.25,
    priceProvenance: rfq2023(
      "band price (25-38 J/TH): no quote for the M30S++; the S19 Pro 104 TH/s (29.5 J/TH) at $13.25/TH on Luxor's RFQ desk, June 2023",
      'estimate',
    ),
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
    priceUsdPerTh: 19.5,
    priceProvenance: rfq2023(
      "the model's own market price on Luxor's RFQ desk (Hashrate Index), June 2023: the newest per-model quote found",
    ),
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
    priceUsdPerTh: 25.7,
    priceProvenance: AIR_UNDER_19_BAND,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['m60s'],
    provenance: nameplate('MicroBT', {
      asOf: '2023-10',
      confidence: 'estimate',
      note: "launched October 2023; launch coverage gave 178 and 186 TH/s models at 17.5 J/TH; hashcalc keeps the more conservative 18.5 J/TH (3,441 W) for the 186 TH/s unit until the maker's specification confirms either",
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
    priceUsdPerTh: HYDRO_PRICE_2025_12,
    priceProvenance: hydroBandFor('M63S'),
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
    priceUsdPerTh: HYDRO_PRICE_2025_12,
    priceProvenance: hydroBandFor('M66S'),
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
    priceUsdPerTh: 20,
    priceProvenance: UNDER_25_BAND_2023,
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
    priceUsdPerTh: 25.7,
    priceProvenance: AIR_UNDER_19_BAND,
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
    priceUsdPerTh: 25.7,
    priceProvenance: AIR_UNDER_19_BAND,
    usedPriceUsdPerTh: null,
    usedPriceProvenance: null,
    aliases: ['a2', 'sealminera2'],
    provenance: nameplate('Bitdeer'),
  },
];

/** Default miner when none is given: the current air-cooled flagship with a dated price. */
export const DEFAULT_MINER_ID = 'antminer-s21-xp';

/**
 * Miner price for a model without a dated price (none in the catalog has none today; kept for the JSON
 * contract and for models added without one): midpoint of the $14-17/TH S21-class range quoted 2023-2026.
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
