import type { HashpriceReport } from '../cli/reports.js';
import { num, percent, price, si, usd, usdExact } from './format.js';
import { provenanceLine } from './render-network.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

export function renderHashprice(report: HashpriceReport, style: Style, nowMs: number): string {
  const variant = report.estimatedHashrateVariant;
  const rows: string[][] = [
    ['Hashprice ($/PH/day)', usdExact(report.hashpriceUsdPerPhDay, 2)],
    ['Hashprice ($/TH/day)', price(report.hashpriceUsdPerThDay)],
    ['Hashprice (BTC/PH/day)', report.hashpriceBtcPerPhDay.toFixed(8)],
    ['Hashprice (sats/TH/day)', report.hashpriceSatsPerThDay.toFixed(2)],
    ['Block subsidy (BTC)', String(report.subsidyBtc)],
    ['Average fees (BTC/block, 144 blocks)', report.avgFeesBtcPerBlock.toFixed(4)],
    ['Fee share of reward', percent(report.feeShare)],
    ['Difficulty', si(report.difficulty)],
    ['Implied hashrate (EH/s)', num(report.impliedHashrateEhs, 1)],
    ['Estimated hashrate (EH/s)', num(report.estimatedHashrateEhs, 1)],
    ['BTC price ($)', usdExact(report.btcUsd)],
    ['Height', num(report.height)],
  ];
  const out = [renderTable(['', style.bold('Value')], rows)];
  if (variant) {
    out.push(
      style.dim(
        `Estimated-hashrate variant (144 x reward / estimated hashrate): ${usd(variant.hashpriceUsdPerPhDay)}/PH/day; ` +
          'hashcalc uses the difficulty-based value (Luxor convention).',
      ),
    );
  }
  out.push(style.dim(provenanceLine(report, nowMs)));
  return `${out.join('\n')}\n`;
}
