/**
 * The `strategy` view: the best plan and its figures, the best per option, the pure options, the NPV frontier
 * against the AI share (a table and a chart), the value of waiting, how it searched and the verdict.
 */

import { irrText, percent, usd } from '../report/format.js';
import { OPTION_LABELS } from '../report/labels.js';
import type { StrategyReport } from '../report/strategy-schema.js';
import { type Block, type Document, text } from './document.js';
import { provenanceLine } from './render-network.js';

const months = (m: number | null) => (m === null ? 'beyond the horizon' : `month ${m}`);
/** A plan as its --plan value (short enough for a table), or keeping mining. */
const flagOf = (p: { planFlag: string }) => p.planFlag || 'keep mining';

export function strategyDocument(report: StrategyReport, _width = 100): Document {
  const { best } = report;
  const mining = report.pureOptions.find((o) => o.id === 'mining');
  const waiting = report.waiting;
  const waitRow = (label: string, p: StrategyReport['waiting']['now']): string[] =>
    p === null
      ? [label, 'none on the grid', '', '']
      : [
          label,
          flagOf(p),
          usd(p.npvUsd),
          p.valueOfWaitingUsd === null || label === 'Start now' ? '' : usd(p.valueOfWaitingUsd),
        ];
  const blocks: Block[] = [
    text(`${report.site.mw} MW site: the best plan over ${report.horizon.years} years`, 'heading'),
    text(`Best plan: ${best.text}`),
    {
      kind: 'table',
      head: ['Best plan', ''],
      rows: [
        ['NPV', usd(best.npvUsd)],
        ['NPV vs keeping mining', usd(best.npvVsMiningUsd)],
        ...(best.npvExResidualUsd === null
          ? []
          : [
              ['NPV without residual', usd(best.npvExResidualUsd)],
              ['IRR (annual)', irrText(best.irr, best.irrNote)],
              ['Payback', months(best.paybackExResidualMonths)],
              ['Discounted payback', months(best.discountedPaybackExResidualMonths)],
              ['Peak funding need', usd(best.peakFundingUsd)],
            ]),
        ...report.pureOptions.map((o) => [
          o.id === 'sell'
            ? 'vs the sale'
            : `vs pure ${o.id === 'mining' ? 'mining' : (OPTION_LABELS[o.id as keyof typeof OPTION_LABELS] ?? o.id)}`,
          `${usd(o.bestPlanMarginUsd)} (${o.id === 'sell' ? 'sale' : 'pure'} ${usd(o.npvUsd)})`,
        ]),
      ],
      stack: 'rows',
    },
    {
      kind: 'table',
      head: ['Best per option', '--plan', 'NPV'],
      rows: report.bestByOption.map((b) => [OPTION_LABELS[b.optionId], flagOf(b.plan), usd(b.plan.npvUsd)]),
      stack: 'rows',
    },
    {
      kind: 'table',
      head: ['AI share', 'Best plan at that share (--plan)', 'NPV', 'vs mining'],
      rows: report.frontier.map((p) => [percent(p.aiShare), flagOf(p), usd(p.npvUsd), usd(p.npvVsMiningUsd)]),
      stack: 'rows',
    },
    {
      kind: 'chart',
      title: 'NPV frontier: the best NPV at each AI share of the site',
      series: [
        { label: 'best plan', values: report.frontier.map((p) => p.npvUsd) },
        ...(mining ? [{ label: 'keeping mining', values: report.frontier.map(() => mining.npvUsd) }] : []),
      ],
      xLabels: ['0% AI', '100% AI'],
      height: 8,
      minColumns: 55,
    },
    {
      kind: 'table',
      head: ['Value of waiting', '--plan', 'NPV', 'vs now'],
      rows: [
        waitRow('Start now', waiting.now),
        waitRow(
          `After the halving (from month ${waiting.afterHalvingStartMonth ?? '-'})`,
          waiting.afterHalving,
        ),
        waitRow('In a year (from month 12)', waiting.inAYear),
      ],
      stack: 'rows',
    },
    ...(report.sale
      ? [
          text(
            `Sale (--sell-per-mw, not a tranche: the whole site goes): ${usd(report.sale.priceUsd)} (${usd(report.sale.usdPerMw)} per MW of grid power) at month ${report.sale.month}, mining until then; NPV ${usd(report.sale.npvUsd)}, ${usd(Math.abs(report.sale.vsBestPlanUsd))} ${report.sale.beatsBestPlan ? 'more' : 'less'} than the best plan`,
          ),
        ]
      : []),
    ...simulationBlocks(report),
    text(`Searched: ${report.search.text}`, 'dim'),
    text(report.simulationNote, 'dim'),
    text(provenanceLine(report.network, Date.parse(report.horizon.startDate)), 'dim'),
    text(report.verdict.text, 'good'),
  ];
  return { blocks };
}

/** With --simulations: the best plans ranked by mean NPV, with the chance each beats keeping mining. */
function simulationBlocks(report: StrategyReport): Block[] {
  const sim = report.simulation;
  if (!sim) return [];
  return [
    {
      kind: 'table',
      head: [`Over ${sim.paths} paths`, '--plan', 'Mean NPV', 'p5', 'P(beats mining)'],
      rows: sim.plans.map((p) => [
        `#${p.rank} by NPV`,
        flagOf(p),
        usd(p.meanNpvUsd),
        usd(p.p5NpvUsd),
        `${(p.probabilityBeatsMining * 100).toFixed(1)}%`,
      ]),
      stack: 'rows',
    },
  ];
}
