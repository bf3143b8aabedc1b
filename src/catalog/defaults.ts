/**
 * The input table's defaults that rest on catalog or market figures, each with its public source. The table
 * (src/inputs/table.ts) holds the value and the basis text; this list holds the same value and text plus
 * where they came from, and a test checks that the two agree.
 */

import { epochStartTimes } from '../core/history.js';
import { DEALS } from './deals.js';
import { DIFFICULTY_EPOCHS } from './difficulty-epochs.js';
import { GPUS } from './gpus.js';
import { USED_S19_THS, USED_S19_USD_PER_UNIT } from './miners.js';
import type { DefaultFigure, LeaseDeal } from './types.js';

/**
 * The lease default's escalator: the median IT lease states none (escalators are stated or implied by 4 of 13),
 * so the default rent is flat; --lease-escalator gives a lease that steps up.
 */
export const DEFAULT_LEASE_ESCALATOR = 0;

/** Leases whose MW are critical IT load: the comparable ones. */
export function itLeases(deals: readonly LeaseDeal[] = DEALS): LeaseDeal[] {
  return deals.filter((d) => d.kind === 'lease' && d.mwBasis === 'it');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median of the IT-load leases' average rates, USD per kW-month of IT. */
export function medianLeaseUsdPerKwMonth(deals: readonly LeaseDeal[] = DEALS): number {
  return median(itLeases(deals).map((d) => d.usdPerKwMonth));
}

/**
 * The default lease rate is a first-year rent (the projection steps it up by --lease-escalator each year):
 * the median of the IT leases' year-1 rents, each normalized with its own term and escalator (0 where none
 * is stated, so its year-1 rent is its average).
 */
export function defaultLeaseRateUsdPerKwMonth(deals: readonly LeaseDeal[] = DEALS): number {
  return Math.round(median(itLeases(deals).map((d) => d.year1NormalizedUsdPerKwMonth)));
}

/** The default lease term: the median term of the IT leases, years. */
export function defaultLeaseTermYears(deals: readonly LeaseDeal[] = DEALS): number {
  return median(itLeases(deals).map((d) => d.termYears));
}

export const DEFAULT_LEASE_TERM_YEARS = defaultLeaseTermYears();

/** The first epoch of the 2024 halving's cycle (block 840,000 falls in the epoch from 838,656). */
export const HALVING_2024_EPOCH_HEIGHT = 838_656;

/**
 * Monthly difficulty growth from the 2024 halving's epoch to the newest embedded epoch (its start time
 * estimated from the retarget rule where the block-time source ends), geometric (a month = 1/12 of 365.25
 * days), rounded to 0.1%: the --difficulty-growth default.
 */
export function difficultyGrowthSinceHalvingPerMonth(): number {
  const rows = DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  }));
  const times = epochStartTimes(rows);
  const fromIndex = rows.findIndex((e) => e.startHeight === HALVING_2024_EPOCH_HEIGHT);
  const from = rows[fromIndex];
  const to = rows.at(-1);
  const fromTime = times[fromIndex];
  const toTime = times.at(-1);
  if (!from || !to || !fromTime || !toTime) return Number.NaN;
  const months = ((toTime.timeUnix - fromTime.timeUnix) / (365.25 * 86_400)) * 12;
  return Math.round(((to.difficulty / from.difficulty) ** (1 / months) - 1) * 1000) / 1000;
}

const leases = itLeases();
const year1s = leases.map((d) => d.year1NormalizedUsdPerKwMonth).sort((a, b) => a - b);
const medianDeal = [...leases].sort(
  (a, b) => a.year1NormalizedUsdPerKwMonth - b.year1NormalizedUsdPerKwMonth,
)[Math.floor(leases.length / 2)];
// Dates (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn) compared by code unit, as localeCompare orders them: its first call
// loads ICU's collator, ~16 ms of every run's startup (docs/decisions/build.md).
const newest = [...leases].sort((a, b) =>
  a.announced === b.announced ? 0 : a.announced < b.announced ? 1 : -1,
)[0];
const h100 = GPUS.find((g) => g.id === 'h100');
/** Where the default GPU's contract rent comes from: the source of the defaults that rest on it. */
const h100Rent = { source: h100?.rentalProvenance?.source ?? '', asOf: h100?.rentalProvenance?.asOf ?? '' };
/** The newest embedded epoch's start, estimated from the retarget rule where the block-time source ends. */
const newestEpochStart = epochStartTimes(
  DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  })),
).at(-1);

const RIOT_AMD_8K = 'https://www.sec.gov/Archives/edgar/data/1167419/000110465926004551/riot-20260116x8k.htm';
const APLD_PF2_RELEASE =
  'https://www.globenewswire.com/news-release/2025/10/22/3171024/0/en/Applied-Digital-Announces-5-Billion-AI-Factory-Lease-with-U-S-Based-Investment-Grade-Hyperscaler-at-Polaris-Forge-2-ND-Campus.html';

export const DEFAULT_FIGURES: readonly DefaultFigure[] = [
  {
    id: 'btcVolPerYear',
    flag: '--btc-vol',
    value: 0.42,
    unit: 'fraction per year',
    basis: "BTC/USD realized volatility in 2025: K33's 2.24% a day x sqrt(365), ~42% a year",
    provenance: {
      source:
        'https://cryptorenews.com/analysis/bitcoin-became-less-volatile-than-nvidia-as-570-billion-shifted-during-a-dull-year',
      asOf: '2025-12',
      confidence: 'derived',
      note: "K33 Research's annual series (2025 daily realized volatility 2.24%, its lowest on record) as reported by CryptoSlate and republished; no primary found (K33's research is for subscribers); a year of 365 trading days: 2.24% x 19.1 = 42.8%",
    },
  },
  {
    id: 'difficultyVolPerYear',
    flag: '--difficulty-vol',
    value: 0.22,
    unit: 'fraction per year',
    basis: 'sd of log difficulty changes over 1-6 epochs, 2022 to 2026-03 (embedded epochs), annualized: 22%',
    provenance: {
      source: 'https://github.com/spesmilo/electrum',
      asOf: '2026-03-20',
      confidence: 'derived',
      note: 'from the embedded difficulty epochs (Electrum checkpoints; start times from bitcoin-data/block-arrival-times): the sd of log changes over 1, 2, 4 and 6 epochs, annualized, is 22.9%, 22.1%, 21.9% and 22.1%; a test recomputes it',
    },
  },
  {
    id: 'difficultyGrowthPerMonth',
    flag: '--difficulty-growth',
    value: difficultyGrowthSinceHalvingPerMonth(),
    unit: 'fraction per month',
    basis:
      'difficulty 86.4T (2024-04, the halving epoch) to 124.9T (~2026-06, the newest embedded epoch): 1.4%/month; 2025 alone ~2.6%/month, 2025-11 to 2026-09 falling ~1.8%/month',
    provenance: {
      source: 'https://github.com/spesmilo/electrum',
      asOf: new Date((newestEpochStart?.timeUnix ?? 0) * 1000).toISOString().slice(0, 10),
      confidence: 'derived',
      note: 'geometric monthly growth over the 2024 halving cycle so far, from the embedded epochs (Electrum checkpoints; block header times, the newest start estimated from the retarget rule): epoch 838,656 (2024-04-10, 86.39T) to 953,568 (~2026-06-14, 124.93T), 26.1 months; it spans the rise of 2025 and the fall of 2026; a test recomputes it',
    },
  },
  {
    id: 'leaseUsdPerKwMonth',
    flag: '--lease-rate',
    value: defaultLeaseRateUsdPerKwMonth(),
    unit: 'USD per kW-month of IT, year 1',
    basis: `year-1 rent: median of ${leases.length} miner-to-AI IT leases (2024-26), each brought to year 1 with its own term and escalator (0 where none is stated)`,
    provenance: {
      source: medianDeal?.provenance.source ?? '',
      asOf: newest?.announced ?? '',
      confidence: 'derived',
      note: `derived from the leases in hashcalc catalog deals (critical IT MW only; each with its own source): year 1 = average x g n / ((1 + g)^n - 1) with the lease's own term n and escalator g (stated, or 2.5% assumed where a lease says only "annual escalators"), else the average; year-1 rents $${Math.round(year1s[0] ?? 0)}-${Math.round(year1s.at(-1) ?? 0)}, median (the source) $${(year1s[Math.floor(year1s.length / 2)] ?? 0).toFixed(2)}`,
    },
  },
  {
    id: 'leaseEscalatorPerYear',
    flag: '--lease-escalator',
    value: DEFAULT_LEASE_ESCALATOR,
    unit: 'fraction per year',
    basis:
      'the median lease states none (4 of 13 do: Hut 8 3%/yr; Cipher and TeraWulf "annual escalators"): a flat year-1 rent',
    provenance: {
      source: 'https://letsdatascience.com/news/hut-8-signs-98b-lease-for-beacon-point-campus-7dc4cc0d',
      asOf: '2026-05-06',
      confidence: 'derived',
      note: "the default rent is the median year-1 rent, normalized with each lease's own escalator; 9 of the 13 IT leases state none (so their year-1 rent is their average), and a flat default keeps the rent at that median; for a Hut 8-style lease give --lease-escalator 0.03 with the lease's own year-1 rent",
    },
  },
  {
    id: 'leaseTermYears',
    flag: '--lease-term',
    value: DEFAULT_LEASE_TERM_YEARS,
    unit: 'years',
    basis: 'median term of the miner-to-AI IT leases (10-15 years)',
    provenance: {
      source: APLD_PF2_RELEASE,
      asOf: newest?.announced ?? '',
      confidence: 'derived',
      note: 'the IT leases in hashcalc catalog deals run 10 (Cipher, TeraWulf, Riot), 12 (Core Scientific) or 15 years (Applied Digital, Hut 8, Galaxy): the median is 15; the source is one of the 15-year leases',
    },
  },
  {
    id: 'rampMonths',
    flag: '--ramp-months',
    value: 12,
    unit: 'months',
    basis:
      'phased hall deliveries: Applied Digital 200 MW in two buildings from 2026 to full in 2027; Core Scientific ~20 months to 590 MW; Riot 25 MW in 4',
    provenance: {
      source: APLD_PF2_RELEASE,
      asOf: '2026-05',
      confidence: 'derived',
      note: `a site of ~260 MW of IT goes live hall by hall: Applied Digital's Polaris Forge 2 phases its first 200 MW in two buildings (online in 2026, full capacity in 2027); Core Scientific billed its first CoreWeave MW in May 2025, 243 MW in Q1 2026 and expects ~590 MW by early 2027 (its Q1 2026 results); Riot delivered AMD's 25 MW in two phases January-May 2026 (${RIOT_AMD_8K}); Hut 8's first River Bend hall is due Q2 2027, more through 2027: 12 months from go-live to full billing`,
    },
  },
  {
    id: 'fitOutUsdPerMwIt',
    flag: '--fit-out',
    value: 10_000_000,
    unit: 'USD per MW of IT',
    basis:
      "miner-site conversions $8-11M/MW IT (Cipher $9-11M, TeraWulf $8-10M, Hut 8 River Bend $9-11M, 2025); Riot's $3.6M (2026) reuses existing halls",
    provenance: {
      source: RIOT_AMD_8K,
      asOf: '2026-01-16',
      confidence: 'derived',
      note: "unchanged at $10M: the 2026 disclosure found, Riot's $89.8M retrofit for AMD's 25 MW (~$3.6M per MW), reuses existing Rockdale buildings for a small first phase; Cipher estimates $9-11M at Barber Lake (https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack), TeraWulf $8-10M at Lake Mariner (https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake), Hut 8 $9-11M at River Bend (trade press, 2025-12; no primary found)",
    },
  },
  {
    id: 'leaseOtherOpexShare',
    flag: '--lease-opex-share',
    value: 0.15,
    unit: 'fraction of lease revenue',
    basis: 'site NOI margins 80-90% (Cipher 80-85%, TeraWulf ~85%)',
    provenance: {
      source: 'https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack',
      asOf: '2025-09-25',
      confidence: 'secondary',
      note: "modified gross leases: Cipher expects 80-85% site NOI, TeraWulf ~85%; Hut 8's triple-net River Bend lease ~98%; Riot expects ~$25M average NOI a year on AMD's ~$31M of rent (~80%)",
    },
  },
  {
    id: 'pueAi',
    flag: '--pue-ai',
    value: 1.3,
    unit: 'grid MW per MW of IT',
    basis: 'miner-site conversions 1.25-1.45; liquid-cooled 1.18-1.3',
    provenance: {
      source: APLD_PF2_RELEASE,
      asOf: '2025-10-22',
      confidence: 'derived',
      note: 'gross per IT MW: Cipher 244/168 = 1.45, TeraWulf ~250/200 = 1.25, Hut 8 330/245 = 1.35, Applied Digital ~430/300 = 1.43 (Delta Forge 1, Polaris Forge 3); design PUEs 1.18 (Applied Digital, this release) and 1.2-1.3 (Bitfarms)',
    },
  },
  {
    id: 'utilization',
    flag: '--utilization',
    value: 1,
    unit: 'fraction of GPU-hours billed',
    basis:
      "contract GPU cloud: the catalog's GPU rents are 1-year contract prices, billed on every contracted hour (an on-demand price needs less)",
    provenance: {
      ...h100Rent,
      confidence: 'derived',
      note: 'a reserved (contract) price bills the contracted hours whether used or not; the default GPU cloud sells its fleet on 1-year contracts',
    },
  },
  {
    id: 'gpuPriceDeclinePerYear',
    flag: '--gpu-price-decline',
    value: 0.1,
    unit: 'fraction per year',
    basis:
      'H100 1-year contract rent rose $1.70 (2025-10) to ~$2.65 (2026-06) after falling from ~$8 (2023): 10%/yr as a GPU ages against newer ones',
    provenance: {
      ...h100Rent,
      confidence: 'estimate',
      note: "the 2025-26 record has no decline: SemiAnalysis's H100 1-year contract index went from $1.70 (October 2025) to $2.35 (March 2026) and ~$2.65 (late June 2026) while spot fell back to $2.42; over 2023-25 H100 rents fell from ~$8 to $1.70 as supply caught up. A GPU still earns less as newer ones arrive (the B200's contract rents start near the H100's), so hashcalc keeps a decline, halved from 20% to 10% a year; 0 or negative values are a --gpu-price-decline away",
    },
  },
  {
    id: 'minerResaleUsdPerTh',
    flag: '--miner-resale',
    value: 5,
    unit: 'USD per TH/s',
    basis: `used S19-series rigs ~$${(USED_S19_USD_PER_UNIT / USED_S19_THS).toFixed(1)}/TH (2024-03); newer models fetch more`,
    provenance: {
      source: 'https://cointime.ai/flash-news/bloomberg-68534',
      asOf: '2024-03',
      confidence: 'estimate',
      note: 'the newest public second-hand figure found (checked 2026-12): ~$427 for a ~95 TH/s S19 (Luxor data via Bloomberg); in December 2025 Bitmain sold new S19 Hydro units from ~$3/TH and S19 XP+ Hydro bundles at ~$4/TH, so used S19-class rigs fetch no more; the default fleet (S21 XP, 2024) would fetch more, so $5 is a floor',
    },
  },
  {
    id: 'powerUsdPerKwh',
    flag: '--power-price',
    value: 0.04,
    unit: 'USD per kWh',
    basis:
      'large US miner contracts $0.03-0.056/kWh (Cipher 3.1c, TeraWulf ~5c in 2025; CleanSpark 5.6c, Q4 2025)',
    provenance: {
      source:
        'https://www.finanznachrichten.de/nachrichten-2026-02/67632228-cleanspark-inc-cleanspark-delivers-dollar-181-million-in-q1-revenue-strengthens-balance-sheet-and-advances-multi-gigawatt-ai-infrastructure-platform-008.htm',
      asOf: '2025-12',
      confidence: 'secondary',
      note: "CleanSpark's release of 2026-02-05 (PR Newswire text, republished): average power cost ~$0.056/kWh in the October-December 2025 quarter; Cipher 3.1 cents/kWh (Q2 2025, https://ng.investing.com/news/company-news/cipher-mining-q2-2025-slides-adjusted-earnings-surge-despite-revenue-decline-93CH-2050432); TeraWulf ~$0.05/kWh (Q2 2025, https://247wallst.com/investing/2025/11/10/live-complete-terawulf-wulf-q3-earnings-coverage/); $0.04 sits inside the range",
    },
  },
];
