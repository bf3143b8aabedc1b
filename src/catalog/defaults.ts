/**
 * The input table's defaults that rest on catalog or market figures, each with its public source. The table
 * (src/inputs/table.ts) holds the value and the basis text; this list holds the same value and text plus
 * where they came from, and a test checks that the two agree.
 */
import { ASSUMED_ESCALATOR, DEALS, year1FromAverage } from './deals.js';
import { GPUS } from './gpus.js';
import { USED_S19_THS, USED_S19_USD_PER_UNIT } from './miners.js';
import type { DefaultFigure, LeaseDeal } from './types.js';

/** The lease default's escalator and term: the table's --lease-escalator and --lease-term defaults. */
export const DEFAULT_LEASE_ESCALATOR = ASSUMED_ESCALATOR;
export const DEFAULT_LEASE_TERM_YEARS = 10;

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
 * the median average, brought back to year 1 over the default term at the default escalator.
 */
export function defaultLeaseRateUsdPerKwMonth(deals: readonly LeaseDeal[] = DEALS): number {
  return Math.round(
    year1FromAverage(medianLeaseUsdPerKwMonth(deals), DEFAULT_LEASE_ESCALATOR, DEFAULT_LEASE_TERM_YEARS),
  );
}

const leases = itLeases();
const medianLease = medianLeaseUsdPerKwMonth();
const medianDeal = [...leases].sort((a, b) => a.usdPerKwMonth - b.usdPerKwMonth)[
  Math.floor(leases.length / 2)
];
const newest = [...leases].sort((a, b) => b.announced.localeCompare(a.announced))[0];
const h100 = GPUS.find((g) => g.id === 'h100');

export const DEFAULT_FIGURES: readonly DefaultFigure[] = [
  {
    id: 'btcVolPerYear',
    flag: '--btc-vol',
    value: 0.42,
    unit: 'fraction per year',
    basis: "BTC/USD realized volatility in 2025: K33's 2.24% a day x sqrt(365), ~42% a year",
    provenance: {
      source: 'https://apim.gateapi.io/tr/news/detail/17441055',
      asOf: '2025-12',
      confidence: 'derived',
      note: "K33 Research (via Gate News): bitcoin's 2025 daily realized volatility 2.24%, its lowest on record; a year of 365 trading days: 2.24% x 19.1 = 42.8%",
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
    id: 'leaseUsdPerKwMonth',
    flag: '--lease-rate',
    value: defaultLeaseRateUsdPerKwMonth(),
    unit: 'USD per kW-month of IT, year 1',
    basis: `year-1 rent: median miner-to-AI lease $${Math.round(medianLease)}/kW-month of IT on average (${leases.length} leases, 2024-26) less a 2.5%/yr escalator over 10 years`,
    provenance: {
      source: medianDeal?.provenance.source ?? '',
      asOf: newest?.announced ?? '',
      confidence: 'derived',
      note: 'derived from the leases in hashcalc catalog deals (critical IT MW only; each with its own source): median of value / MW / term, x g n / ((1 + g)^n - 1); the source is the median lease',
    },
  },
  {
    id: 'leaseEscalatorPerYear',
    flag: '--lease-escalator',
    value: DEFAULT_LEASE_ESCALATOR,
    unit: 'fraction per year',
    basis: 'Hut 8 states 3%/yr; Cipher and TeraWulf leases have annual escalators (2-3% typical)',
    provenance: {
      source:
        'https://6ix.com/company/hut-8-corp-common-stock/news/hut-8-signs-15-year-245-mw-ai-data-center-lease-river-bend-campus-total-contract',
      asOf: '2025-12-17',
      confidence: 'estimate',
      note: 'only Hut 8 discloses its rate (3.0%); Cipher and TeraWulf disclose "annual escalators" without a rate: 2.5% is the midpoint of the usual 2-3%',
    },
  },
  {
    id: 'leaseTermYears',
    flag: '--lease-term',
    value: DEFAULT_LEASE_TERM_YEARS,
    unit: 'years',
    basis: 'miner-to-AI leases run 10-15 years',
    provenance: {
      source: 'https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack',
      asOf: '2025-09-25',
      confidence: 'derived',
      note: 'the leases in hashcalc catalog deals run 10 (Cipher, TeraWulf) to 15 years (Hut 8, Galaxy, Applied Digital): the shorter term',
    },
  },
  {
    id: 'fitOutUsdPerMwIt',
    flag: '--fit-out',
    value: 10_000_000,
    unit: 'USD per MW of IT',
    basis: 'miner-site conversions $8-11M/MW IT (Cipher $9-11M, TeraWulf $8-10M, 2025)',
    provenance: {
      source: 'https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack',
      asOf: '2025-09-25',
      confidence: 'secondary',
      note: 'Cipher estimates $9-11M per MW of critical IT at Barber Lake; TeraWulf $8-10M at Lake Mariner (https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake)',
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
      note: "modified gross leases: Cipher expects 80-85% site NOI, TeraWulf ~85%; Hut 8's triple-net River Bend lease ~98%",
    },
  },
  {
    id: 'pueAi',
    flag: '--pue-ai',
    value: 1.3,
    unit: 'grid MW per MW of IT',
    basis: 'miner-site conversions 1.25-1.45; liquid-cooled 1.18-1.3',
    provenance: {
      source:
        'http://amp.coincodex.com/article/73739/cipher-mining-inks-3-billion-deal-with-fluidstack-welcomes-google-as-strategic-investor',
      asOf: '2025-09-25',
      confidence: 'derived',
      note: 'gross per IT MW: Cipher 244/168 = 1.45, TeraWulf ~250/200 = 1.25, Hut 8 330/245 = 1.35; design PUEs 1.18 (Applied Digital) and 1.2-1.3 (Bitfarms)',
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
      source: h100?.rentalProvenance?.source ?? '',
      asOf: h100?.rentalProvenance?.asOf ?? '',
      confidence: 'derived',
      note: 'a reserved (contract) price bills the contracted hours whether used or not; the default GPU cloud sells its fleet on 1-year contracts',
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
      note: 'the newest public second-hand figure: ~$427 for a ~95 TH/s S19 (Luxor data via Bloomberg); the default fleet (S21 XP, 2024) would fetch more, so $5 is a floor',
    },
  },
  {
    id: 'powerUsdPerKwh',
    flag: '--power-price',
    value: 0.04,
    unit: 'USD per kWh',
    basis: 'large US miner contracts $0.03-0.05/kWh',
    provenance: {
      source:
        'https://ng.investing.com/news/company-news/cipher-mining-q2-2025-slides-adjusted-earnings-surge-despite-revenue-decline-93CH-2050432',
      asOf: '2025-06',
      confidence: 'secondary',
      note: 'Cipher 3.1 cents/kWh (Q2 2025); TeraWulf ~$0.05/kWh (Q2 2025, https://247wallst.com/investing/2025/11/10/live-complete-terawulf-wulf-q3-earnings-coverage/)',
    },
  },
];
