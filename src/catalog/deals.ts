import type { LeaseDeal, Provenance } from './types.js';

type DealInput = Omit<LeaseDeal, 'usdPerMwYear' | 'usdPerKwMonth' | 'year1UsdPerKwMonth' | 'provenance'> & {
  source: string;
  confidence: Provenance['confidence'];
  sourceNote: string;
};

/**
 * The first year's rent of a lease whose rent steps up by `escalatorPerYear` each year, from its average over
 * `termYears` years: the average of R, R(1+g), ..., R(1+g)^(n-1) is R((1+g)^n - 1)/(g n).
 */
export function year1FromAverage(average: number, escalatorPerYear: number, termYears: number): number {
  if (escalatorPerYear === 0) return average;
  const g = escalatorPerYear;
  return (average * g * termYears) / ((1 + g) ** termYears - 1);
}

function deal(input: DealInput): LeaseDeal {
  const { source, confidence, sourceNote, ...rest } = input;
  const usdPerMwYear = rest.totalValueUsd / rest.itMw / rest.termYears;
  const usdPerKwMonth = usdPerMwYear / 1000 / 12;
  return {
    ...rest,
    usdPerMwYear,
    usdPerKwMonth,
    year1UsdPerKwMonth:
      rest.escalatorPerYear === null
        ? null
        : year1FromAverage(usdPerKwMonth, rest.escalatorPerYear, rest.termYears),
    // The terms of a signed contract are a fixed fact; per-year figures are derived from them.
    provenance: { source, asOf: rest.announced, confidence, note: sourceNote, fixed: true },
  };
}

/** Where a lease says only "annual escalators": the 2-3% typical of these leases, midpoint. */
export const ASSUMED_ESCALATOR = 0.025;

/** Reference miner-to-AI deals. Leases are priced per MW of critical IT load; averages are value / MW / term. */
export const DEALS: readonly LeaseDeal[] = [
  deal({
    id: 'core-scientific-coreweave',
    landlord: 'Core Scientific',
    tenant: 'CoreWeave',
    site: 'six Core Scientific sites (Denton TX, Muskogee OK, ...)',
    kind: 'lease',
    announced: '2024-10-22',
    itMw: 500,
    mwBasis: 'it',
    termYears: 12,
    totalValueUsd: 8.7e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: '~500 MW of critical IT load after CoreWeave exercised its final option; 12-year contracts, two 5-year options each',
    source:
      'https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm',
    confidence: 'primary',
    sourceNote: 'Core Scientific press release filed with the SEC, 2024-10-22',
  }),
  deal({
    id: 'applied-digital-coreweave',
    landlord: 'Applied Digital',
    tenant: 'CoreWeave',
    site: 'Polaris Forge 1, Ellendale ND',
    kind: 'lease',
    announced: '2025-09-01',
    itMw: 400,
    mwBasis: 'it',
    termYears: 15,
    totalValueUsd: 11e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: 'three ~15-year leases: 250 MW ($7B, June 2025) and 150 MW more; ~$11B in total',
    source: 'https://www.capacitymedia.com/article/applied-digital-finalises-coreweave-lease-in-north-dakota',
    confidence: 'secondary',
    sourceNote: 'Capacity Media, 2025-09-01',
  }),
  deal({
    id: 'applied-digital-polaris-forge-2',
    landlord: 'Applied Digital',
    tenant: 'US investment-grade hyperscaler',
    site: 'Polaris Forge 2, Harwood ND',
    kind: 'lease',
    announced: '2025-10-22',
    itMw: 200,
    mwBasis: 'it',
    termYears: 15,
    totalValueUsd: 5e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: '~$5B over an estimated 15-year term; first right of refusal on 800 MW more; PUE 1.18 design',
    source:
      'https://www.globenewswire.com/news-release/2025/10/22/3171024/0/en/Applied-Digital-Announces-5-Billion-AI-Factory-Lease-with-U-S-Based-Investment-Grade-Hyperscaler-at-Polaris-Forge-2-ND-Campus.html',
    confidence: 'primary',
    sourceNote: 'Applied Digital press release, 2025-10-22',
  }),
  deal({
    id: 'cipher-fluidstack',
    landlord: 'Cipher',
    tenant: 'Fluidstack (Google backstop)',
    site: 'Barber Lake, Colorado City TX',
    kind: 'lease',
    announced: '2025-09-25',
    itMw: 168,
    mwBasis: 'it',
    termYears: 10,
    totalValueUsd: 3e9,
    structure: 'modified-gross',
    escalatorPerYear: ASSUMED_ESCALATOR,
    escalatorBasis: 'assumed',
    hardwareCapexUsd: null,
    note: 'modified gross lease "with annual escalators" (rate not disclosed: 2.5% assumed); 244 MW gross; NOI margin 80-85%',
    source: 'https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack',
    confidence: 'secondary',
    sourceNote:
      'Blockworks, 2025-09-25; the lease structure as reported by https://coinmela.com/cipher-mining-secures-3-billion-contract-with-fluidstack-and-google-backstops-lease-obligations',
  }),
  deal({
    id: 'cipher-fluidstack-expansion',
    landlord: 'Cipher',
    tenant: 'Fluidstack (Google backstop)',
    site: 'Barber Lake, Colorado City TX',
    kind: 'lease',
    announced: '2025-11',
    itMw: 39,
    mwBasis: 'it',
    termYears: 10,
    totalValueUsd: 830e6,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: '39 MW of IT (56 MW gross) more, Fluidstack now leases all 300 MW; delivery by January 2027',
    source:
      'https://beyondspx.com/quote/CIFR/news/cipher-mining-secures-830-million-ai-hosting-deal-with-fluidstack-expanding-to-full-300-mw-site',
    confidence: 'secondary',
    sourceNote: 'BeyondSPX on the Cipher release, November 2025 (reported by DCD 2025-11-21)',
  }),
  deal({
    id: 'cipher-aws',
    landlord: 'Cipher',
    tenant: 'AWS',
    site: 'Black Pearl, TX',
    kind: 'lease',
    announced: '2025-11-03',
    itMw: 300,
    mwBasis: 'gross',
    termYears: 15,
    totalValueUsd: 5.5e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: '300 MW of gross capacity, so the rate per IT kW is higher (~$133-148 at 1.3-1.45 gross per IT MW); rent from August 2026',
    source: 'https://fintool.com/app/research/companies/CIFR/earnings/Q3%202025',
    confidence: 'secondary',
    sourceNote: "Cipher's Q3 2025 results and guidance as summarized by Fintool, 2025-11-03",
  }),
  deal({
    id: 'terawulf-fluidstack',
    landlord: 'TeraWulf',
    tenant: 'Fluidstack (Google backstop)',
    site: 'Lake Mariner NY (CB-3, CB-4, CB-5)',
    kind: 'lease',
    announced: '2025-08',
    itMw: 360,
    mwBasis: 'it',
    termYears: 10,
    totalValueUsd: 6.7e9,
    structure: 'modified-gross',
    escalatorPerYear: ASSUMED_ESCALATOR,
    escalatorBasis: 'assumed',
    hardwareCapexUsd: null,
    note: '~360 MW of IT after CB-5 (160 MW); modified gross leases "with annual escalators" (rate not disclosed: 2.5% assumed)',
    source: 'https://z9news.com/google-ups-stake-in-bitcoin-miner-terawulf-to-14-wulf-jumps-13',
    confidence: 'secondary',
    sourceNote:
      'CB-5 expansion to ~360 MW and $6.7B; the lease structure from the 2025-08-14 announcement as reported by https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake',
  }),
  deal({
    id: 'hut8-fluidstack',
    landlord: 'Hut 8',
    tenant: 'Fluidstack/Anthropic (Google backstop)',
    site: 'River Bend, West Feliciana Parish LA',
    kind: 'lease',
    announced: '2025-12-17',
    itMw: 245,
    mwBasis: 'it',
    termYears: 15,
    totalValueUsd: 7e9,
    structure: 'triple-net',
    escalatorPerYear: 0.03,
    escalatorBasis: 'stated',
    hardwareCapexUsd: null,
    note: 'triple net with a 3.0% annual base rent escalator; NOI $6.9B on $7.0B of revenue (~98%); first hall Q2 2027',
    source:
      'https://6ix.com/company/hut-8-corp-common-stock/news/hut-8-signs-15-year-245-mw-ai-data-center-lease-river-bend-campus-total-contract',
    confidence: 'primary',
    sourceNote: 'Hut 8 press release (PR Newswire), 2025-12-17',
  }),
  deal({
    id: 'hut8-beacon-point',
    landlord: 'Hut 8',
    tenant: 'undisclosed investment-grade tenant',
    site: 'Beacon Point, TX',
    kind: 'lease',
    announced: '2026-05-06',
    itMw: 352,
    mwBasis: 'it',
    termYears: 15,
    totalValueUsd: 9.8e9,
    structure: 'triple-net',
    escalatorPerYear: 0.03,
    escalatorBasis: 'assumed',
    hardwareCapexUsd: null,
    note: 'first phase of a campus scalable to 1 GW; triple net with annual rent increases (rate not reported: 3% assumed, as at River Bend); first hall Q3 2027',
    source:
      'https://www.pulse.bot/real-estate-investing/news/hut-8-signs-a-15-year-98bn-lease-for-the-first-phase-of-its-texas-ai-data-centre-177e7b94-631f-4686-a0eb-b7f2fff3fd87/',
    confidence: 'secondary',
    sourceNote:
      'Pulse on the Hut 8 announcement of 2026-05-06; the annual rent increases as reported by https://americanbazaaronline.com/2026/05/06/hut-8-bets-big-on-ai-with-10b-texas-data-center-deal-480240/',
  }),
  deal({
    id: 'galaxy-coreweave',
    landlord: 'Galaxy',
    tenant: 'CoreWeave',
    site: 'Helios, Dickens County TX',
    kind: 'lease',
    announced: '2025-08-15',
    itMw: 133 + 260 + 133,
    mwBasis: 'it',
    termYears: 15,
    totalValueUsd: 15e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: null,
    note: '526 MW of critical IT (133 + 260 + 133) on 800 MW of approved gross power; >$1B a year on average over 15 years',
    source: 'https://www.commercialsearch.com/news/?p=1004768618',
    confidence: 'secondary',
    sourceNote:
      'CommercialSearch, August 2025; the 260 MW phase of critical IT as reported by https://www.ainvest.com/news/coreweave-executes-2nd-phase-pact-datacenter-expansion-2508',
  }),
  deal({
    id: 'iren-microsoft',
    landlord: 'IREN',
    tenant: 'Microsoft',
    site: 'Childress TX (GB300)',
    kind: 'gpu-cloud',
    announced: '2025-11-03',
    itMw: 200,
    mwBasis: 'it',
    termYears: 5,
    totalValueUsd: 9.7e9,
    structure: 'not stated',
    escalatorPerYear: null,
    escalatorBasis: 'none stated',
    hardwareCapexUsd: 5.8e9,
    note: 'GPU cloud contract, not a lease: ~$1.94B a year with a 20% prepayment; ~$5.8B of Dell GB300 hardware (~$29M per MW of IT)',
    source: 'https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal',
    confidence: 'secondary',
    sourceNote: 'DC Pulse, 2025-11-03',
  }),
];
