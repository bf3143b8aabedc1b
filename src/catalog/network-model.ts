/**
 * The network model's parameters (src/core/network-model.ts), each with its basis. The bands follow the
 * efficiency bands Hashrate Index publishes revenue per MWh for; their shares, the power tiers, the lag, the
 * payback rule and the deployment rate are calibrated on the backtest (src/core/backtest.ts: the embedded
 * difficulty epochs and BTC/USD monthly closes, `npm run backtest`); docs/model.md records the errors.
 */
import type { NetworkModelParams } from '../core/network-model.js';

export const NETWORK_MODEL: NetworkModelParams = {
  bands: [
    { jPerTh: 13, share: 0.15 },
    { jPerTh: 17, share: 0.4 },
    { jPerTh: 22, share: 0.25 },
    { jPerTh: 30, share: 0.2 },
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

/** Each parameter's basis, for --explain, the JSON assumptions and docs/model.md. */
export const NETWORK_MODEL_BASIS = {
  bands:
    "Hashrate Index's efficiency bands (<14, 14-19, 19-25, 25-38 J/TH; roundups of 2026-01-12 and 2026-08-17) at representative efficiencies 13, 17, 22 and 30 J/TH; shares of the installed fleet 15/40/25/20% (assumption calibrated on the backtest: no published hashrate share per band was found)",
  powerTiers:
    "$0.025/0.04/0.055/0.07 per kWh for 25/35/25/15% of each band's hashrate (assumption calibrated on the backtest; anchors: CleanSpark's $0.056/kWh average in Q4 2025, release of 2026-02-05; CoinShares Q1 2026: 15-20% of the fleet unprofitable at a $28-33 hashprice)",
  offLagMonths: 'a fleet switches off after 1 month of losing money on power (calibrated on the backtest)',
  newMachine:
    'the newest machines: S21 XP, 13.5 J/TH at $25.70/TH (Hashrate Index roundup of 2025-11-03), run at $0.045/kWh (assumption)',
  paybackMonths:
    'new machines deploy while one pays back within 36 months, at the full rate within 18 (calibrated on the backtest)',
  maxDeployEhsPerMonth:
    'at most 40 EH/s a month: the fastest growth on record, ~600 EH/s (2024-04) to ~1,090 EH/s (2025-11) in 19 months, is ~26 EH/s a month on average (embedded epochs), with months well above (calibrated on the backtest)',
} as const;
