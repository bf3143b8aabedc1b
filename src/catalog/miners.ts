import type { MinerModel, Provenance } from './types.js';

const nameplate = (vendor: string, confidence: Provenance['confidence'] = 'secondary'): Provenance => ({
  source: `${vendor} nameplate specification, as compiled in hashcalc reference facts section 5`,
  asOf: '2025-11',
  confidence,
  note: 'nameplate: hashrate +-3-5%, power +-5-10%',
});

/** ASIC catalog. Efficiency (J/TH) is derived as powerW / hashrateThs. */
export const MINERS: readonly MinerModel[] = [
  { id: 'antminer-s19j-pro', name: 'Antminer S19j Pro', vendor: 'Bitmain', hashrateThs: 104, powerW: 3068, cooling: 'air', year: 2021, priceUsdPerTh: null, aliases: ['s19jpro'], provenance: nameplate('Bitmain') },
  { id: 'antminer-s19-xp', name: 'Antminer S19 XP', vendor: 'Bitmain', hashrateThs: 140, powerW: 3010, cooling: 'air', year: 2022, priceUsdPerTh: null, aliases: ['s19xp'], provenance: nameplate('Bitmain') },
  { id: 'antminer-s21', name: 'Antminer S21', vendor: 'Bitmain', hashrateThs: 200, powerW: 3500, cooling: 'air', year: 2023, priceUsdPerTh: null, aliases: ['s21'], provenance: nameplate('Bitmain') },
  { id: 'antminer-s21-hyd', name: 'Antminer S21 Hyd', vendor: 'Bitmain', hashrateThs: 335, powerW: 5360, cooling: 'hydro', year: 2023, priceUsdPerTh: null, aliases: ['s21hyd', 's21hydro'], provenance: nameplate('Bitmain') },
  { id: 'antminer-s21-pro', name: 'Antminer S21 Pro', vendor: 'Bitmain', hashrateThs: 234, powerW: 3510, cooling: 'air', year: 2024, priceUsdPerTh: null, aliases: ['s21pro'], provenance: nameplate('Bitmain') },
  {
    id: 'antminer-s21-xp', name: 'Antminer S21 XP', vendor: 'Bitmain', hashrateThs: 270, powerW: 3645, cooling: 'air', year: 2024,
    priceUsdPerTh: 25.7, aliases: ['s21xp'],
    provenance: { ...nameplate('Bitmain'), note: 'nameplate; price $25.70/TH from Hashrate Index ASIC price index, 2025-11-03' },
  },
  { id: 'antminer-s21-xp-hyd', name: 'Antminer S21 XP Hyd', vendor: 'Bitmain', hashrateThs: 473, powerW: 5676, cooling: 'hydro', year: 2024, priceUsdPerTh: null, aliases: ['s21xphyd', 's21xphydro'], provenance: nameplate('Bitmain') },
  {
    id: 'antminer-s23-hyd', name: 'Antminer S23 Hyd', vendor: 'Bitmain', hashrateThs: 580, powerW: 5510, cooling: 'hydro', year: 2026, priceUsdPerTh: null, aliases: ['s23hyd', 's23hydro'],
    provenance: { ...nameplate('Bitmain', 'approx'), note: 'announced figures; sources give 9.5-9.7 J/TH' },
  },
  { id: 'whatsminer-m30s-plus-plus', name: 'Whatsminer M30S++', vendor: 'MicroBT', hashrateThs: 112, powerW: 3472, cooling: 'air', year: 2020, priceUsdPerTh: null, aliases: ['m30s++', 'm30spp', 'm30splusplus'], provenance: nameplate('MicroBT') },
  { id: 'whatsminer-m50s', name: 'Whatsminer M50S', vendor: 'MicroBT', hashrateThs: 126, powerW: 3276, cooling: 'air', year: 2022, priceUsdPerTh: null, aliases: ['m50s'], provenance: nameplate('MicroBT') },
  { id: 'whatsminer-m60s', name: 'Whatsminer M60S', vendor: 'MicroBT', hashrateThs: 186, powerW: 3441, cooling: 'air', year: 2023, priceUsdPerTh: null, aliases: ['m60s'], provenance: nameplate('MicroBT', 'approx') },
  { id: 'whatsminer-m63s', name: 'Whatsminer M63S', vendor: 'MicroBT', hashrateThs: 390, powerW: 7215, cooling: 'hydro', year: 2023, priceUsdPerTh: null, aliases: ['m63s'], provenance: nameplate('MicroBT') },
  { id: 'whatsminer-m66s', name: 'Whatsminer M66S', vendor: 'MicroBT', hashrateThs: 298, powerW: 5400, cooling: 'immersion', year: 2023, priceUsdPerTh: null, aliases: ['m66s'], provenance: nameplate('MicroBT', 'approx') },
  { id: 'avalon-a1466', name: 'Avalon A1466', vendor: 'Canaan', hashrateThs: 150, powerW: 3230, cooling: 'air', year: 2023, priceUsdPerTh: null, aliases: ['a1466'], provenance: nameplate('Canaan') },
  { id: 'avalon-a16-xp', name: 'Avalon A16 XP', vendor: 'Canaan', hashrateThs: 300, powerW: 3850, cooling: 'air', year: 2025, priceUsdPerTh: null, aliases: ['a16xp'], provenance: nameplate('Canaan') },
  { id: 'sealminer-a2', name: 'SealMiner A2', vendor: 'Bitdeer', hashrateThs: 226, powerW: 3729, cooling: 'air', year: 2024, priceUsdPerTh: null, aliases: ['a2', 'sealminera2'], provenance: nameplate('Bitdeer') },
];

/** Default miner when none is given: the current air-cooled flagship with a dated price. */
export const DEFAULT_MINER_ID = 'antminer-s21-xp';

/** Miner price when the model has no dated price of its own: midpoint of S21-class $14-17/TH (2023-2026). */
export const DEFAULT_MINER_PRICE_USD_PER_TH = 15.5;

export function minerEfficiencyJPerTh(model: Pick<MinerModel, 'powerW' | 'hashrateThs'>): number {
  return model.powerW / model.hashrateThs;
}
