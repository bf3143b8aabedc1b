/** The `network` table: every figure with its source and age. Formatting only; the numbers come computed. */

import { isoDate, NA, num, percent, si, usdExact } from '../report/format.js';
import type { NetworkCommandReport, NetworkProvenance } from '../report/schemas.js';
import { type Document, text } from './document.js';
import { feeShareText } from './render-hashprice.js';
import { describeSource } from './render-network.js';

/** A figure's source and age, or n/a when it has none. */
export function sourceText(p: NetworkProvenance | null, nowMs: number): string {
  return p ? describeSource(p, nowMs, true) : NA;
}

const signedPercent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${percent(ratio)}`;

export function networkCommandRows(report: NetworkCommandReport, nowMs: number): string[][] {
  const p = report.provenance;
  const src = (q: NetworkProvenance | null) => sourceText(q, nowMs);
  const r = report.retarget;
  const h = report.halving;
  const rows: string[][] = [
    ['Height', num(report.height), src(p.height)],
    ['Difficulty', si(report.difficulty), src(p.difficulty)],
    ['Hashrate, implied (EH/s)', num(report.impliedHashrateEhs, 1), 'difficulty x 2^32 / 600 s'],
    ['Hashrate, estimated (EH/s)', num(report.estimatedHashrateEhs, 1), src(p.estimatedHashrate)],
    ['BTC price', usdExact(report.btcUsd), src(p.btcUsd)],
    ['Block subsidy (BTC)', String(report.subsidyBtc), 'from height'],
    ['Fees (BTC/block, 144-block avg)', report.avgFeesBtcPerBlock.toFixed(4), src(p.avgFeesBtcPerBlock)],
    ['Fee share of reward', feeShareText(report), 'fees / (subsidy + fees)'],
    ['Hashprice ($/PH/day)', usdExact(report.hashpriceUsdPerPhDay, 2), 'difficulty, subsidy, fees, price'],
    ['Hashprice (BTC/PH/day)', report.hashpriceBtcPerPhDay.toFixed(8), 'difficulty, subsidy, fees'],
    r
      ? [
          `Next retarget (block ${num(r.nextRetargetHeight)})`,
          `${signedPercent(r.estimatedChange)} est.`,
          src(p.retarget),
        ]
      : ['Next retarget', NA, 'no live or cached estimate'],
    ...(r
      ? [
          [
            'Retarget date (est.)',
            isoDate(Date.parse(r.estimatedAt)),
            `${percent(r.progress)} of epoch done, ${num(r.remainingBlocks)} blocks left`,
          ],
        ]
      : []),
    [
      `Next halving (block ${num(h.nextHalvingHeight)})`,
      `${isoDate(Date.parse(h.estimatedAt))} est.`,
      `${num(h.blocksRemaining)} blocks x ${h.meanBlockIntervalSec.toFixed(0)} s (${h.intervalBasis === 'current epoch mean' ? 'epoch mean' : 'target'})`,
    ],
  ];
  return rows;
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A one-line chart of a series: each value's place between the low and the high; a gap is a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return values
    .map((v) =>
      v === null || !Number.isFinite(v)
        ? ' '
        : SPARKS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (SPARKS.length - 1))],
    )
    .join('');
}

export function networkCommandDocument(
  report: NetworkCommandReport,
  nowMs: number,
  recent: readonly { date: string; value: number | null }[] = [],
): Document {
  const doc: Document = {
    blocks: [
      {
        kind: 'table',
        head: ['', 'Value', 'Source'],
        rows: networkCommandRows(report, nowMs),
        numeric: false,
      },
    ],
  };
  if (recent.length >= 2) {
    const values = recent.map((d) => d.value);
    const finite = values.filter((v): v is number => v !== null);
    if (finite.length >= 2)
      doc.blocks.push(
        text(
          `Hashprice, last ${recent.length} days (history cache): ${sparkline(values)} ${usdExact(Math.min(...finite), 2)} to ${usdExact(Math.max(...finite), 2)}`,
          'dim',
        ),
      );
  }
  const variant = report.estimatedHashrateVariant;
  if (variant) {
    doc.blocks.push(
      text(
        'Hashprice is difficulty-based (Luxor convention); from the estimated hashrate it would be ' +
          `${usdExact(variant.hashpriceUsdPerPhDay, 2)}/PH/day.`,
        'dim',
      ),
    );
  }
  return doc;
}
