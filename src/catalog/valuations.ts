/**
 * What the market pays for a site's megawatts: dated public marks (a sale, a bid, an analyst's per-MW value, a
 * data-center cap rate), each with its source. `--sell-per-mw ID` takes a sale or a bid per gross (grid) MW;
 * the others are references for `--residual per-it-mw:USD` and `--residual cap-rate:R`.
 */
import type { Provenance } from './types.js';

export type ValuationKind = 'sale' | 'bid' | 'analyst' | 'cap-rate';

export interface ValuationMark {
  id: string;
  kind: ValuationKind;
  /** What was valued (a company, a campus, an asset class). */
  subject: string;
  /** Who paid, bid or valued it. */
  by: string;
  /** The low end of the mark (USD per MW, or the cap rate as a fraction); equal to `high` for one figure. */
  low: number;
  high: number;
  /**
   * What a MW is: `gross` the site's grid (gross) power, `it` critical IT load, `unstated` not said by the
   * source; null for a cap rate.
   */
  mwBasis: 'gross' | 'it' | 'unstated' | null;
  /** How the figure is made from the source's (the test recomputes a derived one). */
  basis: string;
  provenance: Provenance;
}

/** J.P. Morgan's note of 2025-11-24, as trade press reported it. */
const JPM_2025_11: Provenance = {
  source:
    'https://blockspace.media/insight/jpmorgan-increases-guidance-on-power-capacity-valuation-upgrades-cifr-and-clsk-to-overweight',
  asOf: '2025-11-24',
  confidence: 'secondary',
  note: "trade press on the bank's note of 2025-11-24 (the note itself is not public)",
};

/** JLL's Q1 2026 data-center cap rates, seen only as a citation. */
const JLL_Q1_2026_CITED: Provenance = {
  source: 'https://apers.app/learn/asset-classes/industrial/data-centers-power-pricing-pue-hyperscaler',
  asOf: '2026-03',
  confidence: 'secondary',
  note: "an education site citing JLL's Q1 2026 figures; JLL's own table was not found (treat as a citation)",
};

export const VALUATIONS: readonly ValuationMark[] = [
  {
    id: 'coreweave-core-scientific',
    kind: 'bid',
    subject: 'Core Scientific (whole company: ~1.3 GW of gross power)',
    by: 'CoreWeave',
    // $9.0B / 1,300 MW = $6.923M per gross MW.
    low: 6_923_077,
    high: 6_923_077,
    mwBasis: 'gross',
    basis:
      "all-stock equity value ~$9.0B ($20.40 a share at CoreWeave's 2025-07-03 close, 0.1235 of its shares per share) over ~1.3 GW of gross power: ~$6.9M per gross MW; worth ~$15.64 a share by 2025-09-25; rejected by Core Scientific's stockholders on 2025-10-30 (the merger agreement was terminated)",
    provenance: {
      source:
        'https://www.stocktitan.net/sec-filings/CORZ/defm14a-core-scientific-inc-tx-merger-proxy-statement-0006dc3764e5.html',
      asOf: '2025-07-07',
      confidence: 'derived',
      fixed: true,
      note: "from the merger proxy (DEFM14A, as summarized by the filing's republisher) and the announcement's 1.3 GW of gross power (https://www.gfmreview.com/index.php/technology/coreweave-s-9b-core-scientific-acquisition-is-a-bid-for-more-power); vote: https://sherwood.news/markets/core-scientific-shareholders-vote-against-acquisition-by-coreweave",
    },
  },
  {
    id: 'aligned-aip',
    kind: 'sale',
    subject: 'Aligned Data Centers (50 campuses, >5 GW operational and planned)',
    by: 'AI Infrastructure Partnership (BlackRock/GIP, MGX, Microsoft, NVIDIA, xAI)',
    // $40B / 5,000 MW = $8.0M per MW (an upper bound: "more than" 5 GW).
    low: 8_000_000,
    high: 8_000_000,
    mwBasis: 'unstated',
    basis:
      '~$40B for more than 5 GW of operational and planned capacity (under development included): at most ~$8M per MW; a data-center developer, not a mining site',
    provenance: {
      source: 'https://www.newsmax.com/finance/streettalk/blackrock-nvidia-xai/2025/10/15/id/1230424/',
      asOf: '2025-10-15',
      confidence: 'derived',
      fixed: true,
      note: "a wire report of the companies' announcement; the MW are not said to be IT or gross; closing expected in 2026",
    },
  },
  {
    id: 'jpm-colocation-2025-11',
    kind: 'analyst',
    subject: 'HPC colocation capacity of US-listed miners (equity value)',
    by: 'J.P. Morgan (R. Smith, C. Pearce)',
    low: 8_000_000,
    high: 17_000_000,
    mwBasis: 'it',
    basis:
      'equity value per MW of critical IT colocation capacity, $8-17M (up from $4-9M); blended $14M (Cipher), $13M (CleanSpark), $17M (IREN)',
    provenance: JPM_2025_11,
  },
  {
    id: 'jpm-cloud-2025-11',
    kind: 'analyst',
    subject: 'integrated GPU cloud capacity of US-listed miners (equity value)',
    by: 'J.P. Morgan (R. Smith, C. Pearce)',
    low: 19_000_000,
    high: 19_000_000,
    mwBasis: 'it',
    basis: 'up to $19M of equity value per MW of critical IT cloud capacity (up from $12M)',
    provenance: JPM_2025_11,
  },
  {
    id: 'jpm-colocation-2025-09',
    kind: 'analyst',
    subject: 'HPC colocation contracts of US-listed miners (equity value)',
    by: 'J.P. Morgan',
    low: 4_800_000,
    high: 11_200_000,
    mwBasis: 'it',
    basis:
      '$4.8-11.2M of equity per critical IT MW ($3.7-8.6M per gross MW); GPU cloud ~$5.3M per MW; a 50% probability of new colocation deals',
    provenance: {
      source: 'https://coinmela.com/j-p-morgan-updates-ratings-and-price-targets-for-major-bitcoin-miners',
      asOf: '2025-09-26',
      confidence: 'secondary',
      note: "trade press on the bank's note of 2025-09-26; superseded by its 2025-11-24 note",
    },
  },
  {
    id: 'dc-cap-rate-hyperscale',
    kind: 'cap-rate',
    subject: 'stabilized hyperscale data centers (US)',
    by: 'JLL (as cited)',
    low: 0.055,
    high: 0.065,
    mwBasis: null,
    basis: 'stabilized hyperscale 5.5-6.5% (colocation 6-7%, powered shell 7-8%), JLL Q1 2026',
    provenance: JLL_Q1_2026_CITED,
  },
  {
    id: 'dc-cap-rate-colocation',
    kind: 'cap-rate',
    subject: 'colocation data centers (US)',
    by: 'JLL (as cited)',
    low: 0.06,
    high: 0.07,
    mwBasis: null,
    basis: 'colocation 6-7% (stabilized hyperscale 5.5-6.5%, powered shell 7-8%), JLL Q1 2026',
    provenance: JLL_Q1_2026_CITED,
  },
];

/** The marks `--sell-per-mw` takes by id: a sale or a bid per gross (grid) MW. */
export const SALE_MARKS: readonly ValuationMark[] = VALUATIONS.filter(
  (v) => (v.kind === 'sale' || v.kind === 'bid') && v.mwBasis === 'gross',
);
