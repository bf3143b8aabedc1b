/** The `history` view: the statistics, a chart of the daily hashprice, the margin. Formatting only. */

import { NA, percent, price, usd } from '../report/format.js';
import type { HistoryReport } from '../report/history-schema.js';
import { renderGapChart } from './chart.js';
import { type Block, type Document, text } from './document.js';

const dated = (d: { date: string; hashpriceUsdPerPhDay: number } | null) =>
  d ? `${usd(d.hashpriceUsdPerPhDay)} on ${d.date}` : NA;
const signedPercent = (f: number | null) => (f === null ? NA : `${f >= 0 ? '+' : ''}${percent(f)}`);

export function historyDocument(report: HistoryReport, width: number, height: number): Document {
  const s = report.stats;
  const rows: string[][] = report.usdAvailable
    ? [
        ['Latest ($/PH/day)', dated(s.latest)],
        ['7-day average', usd(s.average7dUsdPerPhDay)],
        ['30-day average', usd(s.average30dUsdPerPhDay)],
        ['Low of the period', dated(s.low)],
        ['High of the period', dated(s.high)],
        [
          'Lowest in the data',
          s.lowestSince
            ? `${usd(s.lowestSince.hashpriceUsdPerPhDay)} on ${s.lowestSince.date} (data since ${s.lowestSince.since})`
            : NA,
        ],
        [
          'Year to date',
          s.ytdFrom
            ? `${signedPercent(s.ytdChange)} (from ${usd(s.ytdFrom.hashpriceUsdPerPhDay)} on ${s.ytdFrom.date})`
            : NA,
        ],
        ['Period change', signedPercent(s.periodChange)],
        ['Drawdown from the high', signedPercent(s.drawdownFromHigh)],
        [
          'Days since the halving',
          s.daysSinceHalving === null ? NA : `${s.daysSinceHalving} (${s.lastHalvingDate})`,
        ],
      ]
    : [
        [
          'Latest (BTC/PH/day)',
          s.latestBtc
            ? `${s.latestBtc.hashpriceBtcPerPhDay.toFixed(8)} on ${s.latestBtc.date}${s.latestBtc.feesIncluded ? '' : ' (excluding fees)'}`
            : NA,
        ],
        [
          'Days since the halving',
          s.daysSinceHalving === null ? NA : `${s.daysSinceHalving} (${s.lastHalvingDate})`,
        ],
      ];
  const blocks: Block[] = [
    text(
      `Hashprice ${report.period.from} to ${report.period.to} (${report.period.name}), ${report.sourceDetail}`,
      'heading',
    ),
    { kind: 'table', head: ['', 'Value'], rows, numeric: false, stack: 'rows' },
  ];
  const series = report.days.map((d) =>
    report.usdAvailable ? d.hashpriceUsdPerPhDay : d.hashpriceBtcPerPhDay,
  );
  const index = (date: string | undefined) => report.days.findIndex((d) => d.date === date);
  const marks = report.usdAvailable
    ? [
        ...(s.low
          ? [{ index: index(s.low.date), label: `low ${usd(s.low.hashpriceUsdPerPhDay)} ${s.low.date}` }]
          : []),
        ...(s.latest
          ? [{ index: index(s.latest.date), label: `latest ${usd(s.latest.hashpriceUsdPerPhDay)}` }]
          : []),
      ].filter((m) => m.index >= 0)
    : [];
  blocks.push(
    text(
      report.usdAvailable
        ? 'USD per PH/s per day:'
        : `BTC per PH/s per day${report.feesIncluded ? '' : ', excluding fees'}:`,
      'dim',
    ),
    text(
      renderGapChart(series, {
        width,
        height,
        format: report.usdAvailable ? (n) => usd(n) : (n) => n.toFixed(6),
        marks,
        xLabels: [report.days[0]?.date ?? '', report.days.at(-1)?.date ?? ''],
      }),
    ),
  );
  if (report.margin) {
    const m = report.margin;
    blocks.push(
      text(
        `${m.miner} (${m.efficiencyJPerTh.toFixed(1)} J/TH) at $${price(m.powerUsdPerKwh)}/kWh: ran at a loss on ${m.daysAtLoss} of ${m.daysWithData} days; latest margin ${m.latestMarginUsdPerKwh === null ? NA : `$${price(m.latestMarginUsdPerKwh)}/kWh`}`,
      ),
    );
  }
  if (!report.usdAvailable)
    blocks.push(
      text(
        'USD needs daily prices: live data (a mempool instance), the history cache, or --data FILE.',
        'dim',
      ),
    );
  return { blocks };
}
