import { NA, num, percent, price, si, usd, usdExact } from '../report/format.js';
import type { HashpriceReport } from '../report/schemas.js';
import { type Document, text } from './document.js';
import { provenanceLine } from './render-network.js';

/** Fees over subsidy plus fees; n/a when both are 0 (0/0 has no share, whatever the core returns for it). */
export function feeShareText(
  report: Pick<HashpriceReport, 'feeShare' | 'subsidyBtc' | 'avgFeesBtcPerBlock'>,
): string {
  return report.subsidyBtc === 0 && report.avgFeesBtcPerBlock === 0
    ? `${NA} (no reward)`
    : percent(report.feeShare);
}

export function hashpriceRows(report: HashpriceReport): string[][] {
  return [
    ['Hashprice ($/PH/day)', usdExact(report.hashpriceUsdPerPhDay, 2)],
    ['Hashprice ($/TH/day)', price(report.hashpriceUsdPerThDay)],
    ['Hashprice (BTC/PH/day)', report.hashpriceBtcPerPhDay.toFixed(8)],
    ['Hashprice (sats/TH/day)', report.hashpriceSatsPerThDay.toFixed(2)],
    ['Block subsidy (BTC)', String(report.subsidyBtc)],
    ['Average fees (BTC/block, 144 blocks)', report.avgFeesBtcPerBlock.toFixed(4)],
    ['Fee share of reward', feeShareText(report)],
    ['Difficulty', si(report.difficulty)],
    ['Implied hashrate (EH/s)', num(report.impliedHashrateEhs, 1)],
    ['Estimated hashrate (EH/s)', num(report.estimatedHashrateEhs, 1)],
    ['BTC price ($)', usdExact(report.btcUsd)],
    ['Height', num(report.height)],
  ];
}

export function hashpriceDocument(report: HashpriceReport, nowMs: number): Document {
  const doc: Document = {
    blocks: [{ kind: 'table', head: ['', 'Value'], rows: hashpriceRows(report), stack: 'columns' }],
  };
  const variant = report.estimatedHashrateVariant;
  if (variant) {
    doc.blocks.push(
      text(
        `Estimated-hashrate variant (144 x reward / estimated hashrate): ${usd(variant.hashpriceUsdPerPhDay)}/PH/day; ` +
          'hashcalc uses the difficulty-based value (Luxor convention).',
        'dim',
      ),
    );
  }
  doc.blocks.push(text(provenanceLine(report, nowMs), 'dim'));
  return doc;
}
