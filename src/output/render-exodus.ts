/** The `exodus` view: the figures with what they mean, the pools, and the one-line summary. Formatting only. */
import { escapeControl } from '../errors.js';
import type { ExodusReport } from '../report/exodus-schema.js';
import { NA, num, percent, price, usd } from '../report/format.js';
import { type Block, type Document, text } from './document.js';
import { provenanceLine } from './render-network.js';

const signedPercent = (f: number) => `${f >= 0 ? '+' : ''}${percent(f)}`;

function duration(sec: number): string {
  if (sec < 3600) return `${Math.floor(sec / 60)} min ${Math.round(sec % 60)} s`;
  if (sec < 2 * 86_400) return `${(sec / 3600).toFixed(1)} h`;
  return `${(sec / 86_400).toFixed(1)} days`;
}

export function exodusDocument(report: ExodusReport, nowMs: number): Document {
  const rows: string[][] = [
    ['Leaving', `${num(report.leavingEhs, 1)} EH/s`, report.leaving.description],
    ['Network (difficulty-implied)', `${num(report.networkEhs, 1)} EH/s`, 'difficulty x 2^32 / 600 s'],
    [
      'Leaving share',
      percent(report.leavingShare),
      report.leavingShareOfEstimated === null
        ? ''
        : `${percent(report.leavingShareOfEstimated)} of the estimated ${num(report.estimatedNetworkEhs, 1)} EH/s`,
    ],
    [
      'Blocks into the epoch',
      String(report.blocksIntoEpoch),
      report.blocksIntoEpochBasis === 'live'
        ? 'live'
        : report.blocksIntoEpochBasis === 'flag'
          ? 'given'
          : 'from the height (an estimate)',
    ],
    [
      'Block interval',
      `${duration(report.blockIntervalBeforeSec)} -> ${duration(report.blockIntervalAfterSec)}`,
      'until the retarget',
    ],
    [
      'Time to the retarget',
      duration(report.secondsToRetarget),
      `+-${duration(report.secondsToRetargetSd)} (1 sd); ${duration(report.retargetDelaySec)} late`,
    ],
    [
      'Difficulty at the retarget',
      signedPercent(report.difficultyChange),
      report.difficultyChangeClamped ? 'clamped to 4x' : "Bitcoin Core's rule",
    ],
    [
      'Epoch after',
      `${duration(report.nextEpoch.blockIntervalSec)} blocks, ${signedPercent(report.nextEpoch.difficultyChange)}`,
      `at the lower hashrate; ${signedPercent(report.nextEpoch.difficultyChangeFromNow)} in all, hashprice ${signedPercent(report.nextEpoch.hashpriceUpliftFromNow)}`,
    ],
    [
      'Hashprice ($/PH/day)',
      `${usd(report.hashpriceUsdPerPhDay)} -> ${usd(report.hashpriceAfterRetargetUsdPerPhDay)}`,
      `unchanged until the retarget, then ${signedPercent(report.hashpriceUpliftAfterRetarget)}`,
    ],
    [
      'Network revenue per hour',
      `${usd(report.networkRevenueUsdPerHour.before)} -> ${usd(report.networkRevenueUsdPerHour.untilRetarget)} -> ${usd(report.networkRevenueUsdPerHour.afterRetarget)}`,
      'what matching the network for an hour forgoes',
    ],
  ];
  const blocks: Block[] = [
    { kind: 'table', head: ['', 'Value', 'Basis'], rows, numeric: false, stack: 'rows' },
  ];
  const f = report.stayingFleet;
  if (f) {
    blocks.push(
      text(
        `${f.description}: +${usd(f.revenueGainUsdPerDay)}/day after the retarget (EBITDA ${usd(f.ebitdaUsdPerDayBefore)} -> ${usd(f.ebitdaUsdPerDayAfter)}/day)`,
      ),
    );
  }
  if (report.leaving.conversions) {
    for (const c of report.leaving.conversions)
      blocks.push(text(`  ${c.company}: ${num(c.selfMiningEhs, 1)} EH/s (${c.source}, ${c.asOf})`, 'dim'));
  }
  const p = report.pools;
  if (p) {
    const line = (label: string, c: NonNullable<typeof p.after>) =>
      `${label}: top pool ${escapeControl(c.topPool)} ${percent(c.topShare)}, top two ${percent(c.top2Share)}, Nakamoto coefficient ${c.nakamotoCoefficient}, HHI ${price(c.hhi)}`;
    blocks.push(text(line('Pools, last week', p.before)));
    if (p.after && p.pool) blocks.push(text(line(`After it leaves ${escapeControl(p.pool)}`, p.after)));
  } else if (report.poolsNote) blocks.push(text(escapeControl(report.poolsNote), 'dim'));
  blocks.push(text(provenanceLine(report.network, nowMs), 'dim'));
  blocks.push(text(report.summary, 'good'));
  if (!f && !p && !report.poolsNote) blocks.push(text(NA, 'dim'));
  return { blocks };
}
