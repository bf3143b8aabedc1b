/**
 * The network model's parameters (src/core/network-model.ts), each with its basis and, where a public figure
 * exists, its dated source (NETWORK_MODEL_SOURCES). What is sourced and what is assumed:
 * - sourced (derived): the bands' representative efficiencies, from Hashrate Index's revenue per MWh by
 *   efficiency band divided into the same day's hashprice; the fleet's mean efficiency the shares must match
 *   (~22.3 J/TH in late 2025, from the Cambridge index's network power and hashrate of March 2025 plus the
 *   hashrate added since); the power tiers' centre (Cambridge's median delivered power cost, $45/MWh) and the
 *   share of the fleet under water at a ~$33 hashprice (CoinShares, Q1 2026: 15-20%);
 * - assumed: the split of the hashrate between the bands (no hashrate share per band is published: the shares
 *   are the round split that matches the sourced mean) and the tiers' spread; the lag, the payback rule and the
 *   deployment rate, calibrated on the backtest (src/core/backtest.ts: the embedded difficulty epochs and
 *   BTC/USD monthly closes, `npm run backtest`); docs/model.md records the errors.
 * test/catalog/network-model.test.ts recomputes every derived figure from the sourced ones.
 */
import type { NetworkModelParams } from '../core/network-model.js';
import type { Provenance } from './types.js';

export const NETWORK_MODEL: NetworkModelParams = {
  bands: [
    { jPerTh: 12.5, share: 0.1 },
    { jPerTh: 17, share: 0.3 },
    { jPerTh: 22, share: 0.3 },
    { jPerTh: 32, share: 0.3 },
  ],
  powerTiers: [
    { usdPerKwh: 0.025, share: 0.25 },
    { usdPerKwh: 0.04, share: 0.35 },
    { usdPerKwh: 0.055, share: 0.25 },
    { usdPerKwh: 0.07, share: 0.15 },
  ],
  offLagMonths: 1,
  newJPerTh: 13.5,
  newUsdPerTh: 25.7,
  newPowerUsdPerKwh: 0.045,
  paybackMonths: 36,
  maxDeployEhsPerMonth: 40,
};

/** A public figure the parameters rest on: what it is, its value and unit, and where and when it was published. */
export interface NetworkModelSource {
  figure: string;
  value: number;
  unit: string;
  provenance: Provenance;
}

const HRI_2026_01_12 = 'https://hashrateindex.com/blog/hashrate-index-roundup-january-12-2026';
const HRI_2026_08_17 = 'https://hashrateindex.com/blog/hashrate-index-roundup-august-17-2026/';
const CAMBRIDGE_2025 =
  'https://www.jbs.cam.ac.uk/faculty-research/centres/alternative-finance/publications/cambridge-digital-mining-industry-report/';

/** A figure of Hashrate Index's roundup of 2026-01-12 (the index publisher: primary). */
function hri20260112(figure: string, value: number, unit: string): NetworkModelSource {
  return {
    figure,
    value,
    unit,
    provenance: { source: HRI_2026_01_12, asOf: '2026-01-12', confidence: 'primary' },
  };
}

/**
 * The dated public figures behind the bands, their mean and the power tiers. Revenue per MWh at an efficiency e
 * is hashprice x 1000 / (24 e) (FACTS 2), so e = hashprice x 1000 / (24 x revenue per MWh).
 */
export const NETWORK_MODEL_SOURCES = {
  hashprice20260112: hri20260112('hashprice', 39.53, 'USD per PH/s per day'),
  revenueUnder19: hri20260112('revenue per MWh, fleets under 19 J/TH', 97, 'USD per MWh'),
  revenue19to25: hri20260112('revenue per MWh, fleets of 19-25 J/TH', 75, 'USD per MWh'),
  revenue25to38: hri20260112('revenue per MWh, fleets of 25-38 J/TH', 51, 'USD per MWh'),
  hashprice20260817: {
    figure: 'hashprice',
    value: 31.89,
    unit: 'USD per PH/s per day',
    provenance: {
      source: HRI_2026_08_17,
      asOf: '2026-08-17',
      confidence: 'secondary',
      note: 'the roundup seen only as a citation (shared/reference/FACTS.md section 12); not read here',
    },
  },
  revenueUnder14: {
    figure: 'revenue per MWh, fleets under 14 J/TH',
    value: 107,
    unit: 'USD per MWh',
    provenance: {
      source: HRI_2026_08_17,
      asOf: '2026-08-17',
      confidence: 'secondary',
      note: 'as hashprice20260817',
    },
  },
  networkEfficiency2024: {
    figure: "the network's mean efficiency over 2024 (24% better than 2023)",
    value: 28.2,
    unit: 'J/TH',
    provenance: {
      source: CAMBRIDGE_2025,
      asOf: '2025-04-29',
      confidence: 'secondary',
      note: "Cambridge Digital Mining Industry Report (CCAF); the figure as its summaries give it (gt-io.net, satoshoz.com, 2025-04-30); the report's PDF was not read",
    },
  },
  networkPowerTwh202503: {
    figure: "the Cambridge index's (CBECI) annualized network consumption, best guess",
    value: 176.69,
    unit: 'TWh a year',
    provenance: {
      source:
        'https://digitalcryptohub.com/bitcoin-mining-costs-expose-deep-divides-as-price-trades-below-82k',
      asOf: '2025-03-09',
      confidence: 'secondary',
      note: 'CBECI (https://ccaf.io/cbnsi/cbeci) as MacroMicro republished it, cited by the article of 2025-03-11',
    },
  },
  networkHashrateEhs202503: {
    figure: 'network hashrate, mean of the first half of March 2025',
    value: 811,
    unit: 'EH/s',
    provenance: {
      source: 'https://tradezpulse.com/bitcoin-network-hashrate-rises-amid-weakening-mining-economics-2025',
      asOf: '2025-03-15',
      confidence: 'secondary',
      note: "JPMorgan's research note as the article reports it",
    },
  },
  medianPowerUsdPerMwh: {
    figure:
      'median delivered electricity cost of the surveyed miners (49 firms, 48% of the hashrate, mid-2024)',
    value: 45,
    unit: 'USD per MWh',
    provenance: {
      source: CAMBRIDGE_2025,
      asOf: '2025-04-29',
      confidence: 'secondary',
      note: 'as networkEfficiency2024; with all other opex $55.5/MWh',
    },
  },
  unprofitableShare2026q1: {
    figure:
      'share of the global fleet unprofitable at a hashprice of ~$33 per PH/s per day (after the $28 low of February 2026)',
    value: 0.175,
    unit: 'fraction (15-20%: the midpoint)',
    provenance: {
      source:
        'https://cryptovideos.net/2026/03/26/bitcoin-mining-squeeze-narrows-viable-operators-coinshares',
      asOf: '2026-03-26',
      confidence: 'secondary',
      note: "CoinShares' Q1 2026 mining report as Cointelegraph reported it (republished); also https://tokenpost.com/news/insights/19340: at $30, S19 XP-class or older machines paying over $0.06/kWh are under water",
    },
  },
  cleansparkPowerUsdPerKwh: {
    figure: "CleanSpark's average power cost, October-December 2025",
    value: 0.056,
    unit: 'USD per kWh',
    provenance: {
      source:
        'https://www.finanznachrichten.de/nachrichten-2026-02/67632228-cleanspark-inc-cleanspark-delivers-dollar-181-million-in-q1-revenue-strengthens-balance-sheet-and-advances-multi-gigawatt-ai-infrastructure-platform-008.htm',
      asOf: '2026-02-05',
      confidence: 'secondary',
      note: "the company's release of 2026-02-05 (PR Newswire text, republished), as src/catalog/defaults.ts cites it",
    },
  },
  riotPowerUsdPerKwh: {
    figure: "Riot's power rate, April-June 2024",
    value: 0.027,
    unit: 'USD per kWh',
    provenance: {
      source: 'https://www.marketbeat.com/earnings/reports/2024-7-31-riot-blockchain-inc-stock',
      asOf: '2024-06-30',
      confidence: 'secondary',
      note: 'Q2 2024 results call, as summarized there',
    },
  },
} as const satisfies Record<string, NetworkModelSource>;

const S = NETWORK_MODEL_SOURCES;
/** Efficiency implied by a band's revenue per MWh at a day's hashprice, J/TH: hashprice x 1000 / (24 x $/MWh). */
export const impliedJPerTh = (hashpriceUsdPerPhDay: number, revenueUsdPerMwh: number): number =>
  (hashpriceUsdPerPhDay * 1000) / (24 * revenueUsdPerMwh);

/**
 * The fleet's mean efficiency the band shares are set to match, J/TH (derived): March 2025's network,
 * 176.69 TWh a year / 8,760 h = 20.17 GW over 811 EH/s = 24.87 J/TH, plus the hashrate added by November 2025
 * (1,090 EH/s: the embedded epoch of 152.27T from block 923,328, x 2^32 / 600 s) at ~15 J/TH (assumption: new
 * S21-class machines, 13.5-17.5 J/TH; none retired): (811 x 24.87 + 279 x 15) / 1,090 = 22.3 J/TH.
 */
export const NEW_HASHRATE_J_PER_TH_2025 = 15;
export const NETWORK_EHS_2025_11 = 1090;
export function derivedFleetMeanJPerTh2025(): number {
  const gw = (S.networkPowerTwh202503.value * 1e12) / 8760 / 1e9;
  const mean202503 = (gw * 1e9) / (S.networkHashrateEhs202503.value * 1e6);
  const added = NETWORK_EHS_2025_11 - S.networkHashrateEhs202503.value;
  return (
    (S.networkHashrateEhs202503.value * mean202503 + added * NEW_HASHRATE_J_PER_TH_2025) / NETWORK_EHS_2025_11
  );
}

/** Each parameter's basis, for --explain, the JSON assumptions and docs/model.md. */
export const NETWORK_MODEL_BASIS = {
  bands:
    "Hashrate Index's efficiency bands (<14, 14-19, 19-25, 25-38 J/TH) at 12.5, 17, 22 and 32 J/TH: the efficiencies its revenue per MWh implies at the day's hashprice (2026-01-12: $97, $75 and $51/MWh at $39.53 -> 17.0, 22.0 and 32.3 J/TH; 2026-08-17: $107/MWh at $31.89 -> 12.4 J/TH; derived); shares 10/30/30/30% of the installed fleet, a mean of 22.55 J/TH (assumption: no hashrate share per band is published; the round split matching the derived late-2025 mean of 22.3 J/TH, from the Cambridge index's 176.69 TWh a year over 811 EH/s in March 2025, 24.9 J/TH, and the 279 EH/s added by November 2025 at ~15 J/TH; Cambridge's 2024 mean was 28.2 J/TH)",
  powerTiers:
    "$0.025/0.04/0.055/0.07 per kWh for 25/35/25/15% of each band's hashrate, a mean of $0.0445/kWh (assumption centred on sourced figures: Cambridge's median delivered cost of $45/MWh in its 2024 survey of 48% of the hashrate, report of 2025-04-29; Riot's $0.027/kWh in Q2 2024, CleanSpark's $0.056/kWh in Q4 2025, release of 2026-02-05); with the bands, 16.5% of the fleet loses money on power at a $33 hashprice (CoinShares' Q1 2026 report, 2026-03-26: 15-20% unprofitable at ~$33)",
  offLagMonths: 'a fleet switches off after 1 month of losing money on power (calibrated on the backtest)',
  newMachine:
    'the newest machines: S21 XP, 13.5 J/TH at $25.70/TH (Hashrate Index roundup of 2025-11-03), run at $0.045/kWh (the Cambridge median)',
  paybackMonths:
    'new machines deploy while one pays back within 36 months, at the full rate within 18 (calibrated on the backtest)',
  maxDeployEhsPerMonth:
    'at most 40 EH/s a month: the fastest growth on record, ~600 EH/s (2024-04) to ~1,090 EH/s (2025-11) in 19 months, is ~26 EH/s a month on average (embedded epochs), with months well above (calibrated on the backtest)',
} as const;
