/** The `catalog` tables. Formatting only: every figure and its provenance come from the report. */
import {
  ageText,
  type CatalogDocument,
  type FigureAge,
  type StaleDocument,
  type Staleness,
  valuationText,
} from '../report/catalog.js';
import { num, price, usd } from '../report/format.js';
import { type Block, type Document, text } from './document.js';

interface Sourced {
  source: string;
  asOf: string;
  confidence: string;
  note?: string;
}

/** A figure's provenance: the label, date, confidence and note, then the URL on a line of its own. */
const sourceLine = (label: string, p: Sourced) => {
  const indent = /^ */.exec(label)?.[0] ?? '';
  return text(
    `  ${label}: ${p.asOf}, ${p.confidence}${p.note ? `: ${p.note}` : ''}\n  ${indent}  ${p.source}`,
    'dim',
  );
};

const limitText = (s: Staleness) =>
  s.maxAgeDays === null ? 'older than their refresh cadence' : `older than ${s.maxAgeDays} days`;

/**
 * The "age" cell of an entry: its dated figures' ages (the oldest one that is not fixed first), "!" when past
 * its refresh cadence; "fixed" when every figure is a fixed fact.
 */
function ageCell(ages: readonly FigureAge[] | undefined, id: string): string {
  const own = (ages ?? []).filter((a) => a.id === id);
  const aged = own.filter((a) => !a.fixed).sort((a, b) => b.ageDays - a.ageDays);
  const oldest = aged[0];
  if (!oldest) return own.length > 0 ? 'fixed' : '';
  return `${ageText(oldest.ageDays)}${aged.some((a) => a.overdue) ? ' !' : ''}`;
}

function ageLegend(ages: readonly FigureAge[] | undefined): Block[] {
  const overdue = (ages ?? []).filter((a) => a.overdue).length;
  return [
    text(
      `age: of the entry's oldest dated figure; ! past its refresh cadence (prices, rents 365 days; company reports 180; nameplates and signed terms never): ${overdue} here (hashcalc catalog --stale lists them).`,
      'dim',
    ),
  ];
}

function staleBlocks(stale: Staleness | undefined): Block[] {
  if (!stale) return [];
  return [
    text(
      stale.stale.length === 0
        ? `No dated figure here is ${limitText(stale)} (${stale.checked} checked as of ${stale.checkedOn}; ${stale.fixed} fixed facts not aged).`
        : `${stale.stale.length} of ${stale.checked} dated figures are ${limitText(stale)} (as of ${stale.checkedOn}): see stderr.`,
      stale.stale.length === 0 ? 'good' : 'bad',
    ),
  ];
}

function minersDocument(report: Extract<CatalogDocument, { kind: 'miners' }>): Document {
  const rows = report.entries.map((m) => [
    m.name,
    m.id,
    num(m.hashrateThs),
    num(m.powerW),
    m.efficiencyJPerTh.toFixed(1),
    m.cooling,
    String(m.year),
    m.priceUsdPerTh === null ? `$${report.fallbackPriceUsdPerTh}*` : `$${price(m.priceUsdPerTh)}`,
    m.usedPriceUsdPerTh === null ? '' : `$${price(m.usedPriceUsdPerTh)}`,
    m.provenance.confidence,
    ageCell(report.ages, m.id),
  ]);
  const priced = report.entries.flatMap((m) => [
    ...(m.priceProvenance
      ? [sourceLine(`${m.id} price $${price(m.priceUsdPerTh)}/TH`, m.priceProvenance)]
      : []),
    ...(m.usedPriceProvenance
      ? [sourceLine(`${m.id} used $${price(m.usedPriceUsdPerTh)}/TH`, m.usedPriceProvenance)]
      : []),
  ]);
  const described = report.entries
    .filter((m) => m.provenance.confidence !== 'primary')
    .map((m) => sourceLine(`${m.id} nameplate`, m.provenance));
  return {
    blocks: [
      {
        kind: 'table',
        head: [
          'Model',
          'id',
          'TH/s',
          'W',
          'J/TH',
          'cooling',
          'year',
          'new $/TH',
          'used $/TH',
          'nameplate',
          'age',
        ],
        rows,
        keepColumns: [1],
        dropColumns: [0, 9, 5],
        align: [
          'left',
          'left',
          'right',
          'right',
          'right',
          'left',
          'right',
          'right',
          'right',
          'left',
          'right',
        ],
      },
      ...ageLegend(report.ages),
      text(
        `* no dated price for the model: capex uses the $${report.fallbackPriceUsdPerTh}/TH fallback (an estimate, below).`,
        'dim',
      ),
      text(
        'Nameplates: the manufacturers\' specifications (shop.bitmain.com, microbt.com, canaan.io, bitdeer.com) unless listed below; names match loosely (s21xp, "S21 XP").',
        'dim',
      ),
      text('Prices (new: dated index prices; used: second-hand) and other sources:', 'dim'),
      ...priced,
      sourceLine(`fallback $${report.fallbackPriceUsdPerTh}/TH`, report.fallbackPriceProvenance),
      ...described,
      ...staleBlocks(report.stale),
    ],
  };
}

function gpusDocument(report: Extract<CatalogDocument, { kind: 'gpus' }>): Document {
  const rows = report.entries.map((g) => [
    g.name,
    g.id,
    num(g.gpuW),
    g.kwPerGpu.toFixed(3),
    usd(g.capexUsdPerGpu),
    g.rentalUsdPerGpuHour === null ? 'n/a' : `$${price(g.rentalUsdPerGpuHour)}`,
    g.rentalPriceBasis ?? '',
    g.onDemandUsdPerGpuHour === null ? '' : `$${price(g.onDemandUsdPerGpuHour)}`,
    g.rentalProvenance?.asOf ?? '',
    ageCell(report.ages, g.id),
  ]);
  const notes = report.entries.flatMap((g) => [
    text(`  ${g.id}: kW ${g.kwPerGpuBasis}; capex ${g.capexBasis}; rent ${g.rentalBasis}`, 'dim'),
    sourceLine(`    power`, g.provenance),
    sourceLine(`    capex`, g.capexProvenance),
    ...(g.rentalProvenance ? [sourceLine('    rent', g.rentalProvenance)] : []),
    ...(g.onDemandProvenance ? [sourceLine('    on-demand', g.onDemandProvenance)] : []),
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: [
          'GPU',
          'id',
          'GPU W',
          'kW/GPU',
          'capex/GPU',
          '$/GPU-h',
          'basis',
          'on-demand',
          'rent as of',
          'age',
        ],
        rows,
        keepColumns: [1],
        dropColumns: [0, 7],
        align: ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'left', 'right'],
      },
      ...ageLegend(report.ages),
      text(
        'kW/GPU: the cluster draw (system + 10% network and storage); capex: all-in per GPU (server share, InfiniBand, storage; the building is --fit-out); $/GPU-h: contract prices, billed on every contracted hour (the default utilization is 1); on-demand: for comparison only, never a default.',
        'dim',
      ),
      ...notes,
      ...staleBlocks(report.stale),
    ],
  };
}

const mwText = (mw: number, basis: string) =>
  `${num(mw)}${basis === 'it' ? '' : basis === 'gross' ? ' gross' : ' ?'}`;

function dealsDocument(report: Extract<CatalogDocument, { kind: 'deals' }>): Document {
  const rows = report.entries.map((d) => [
    `${d.landlord} - ${d.tenant}`,
    d.kind,
    mwText(d.itMw, d.mwBasis),
    `${d.termYears} y`,
    usd(d.totalValueUsd),
    `$${num(d.usdPerKwMonth)}`,
    d.year1UsdPerKwMonth === null ? '' : `$${num(d.year1UsdPerKwMonth)}`,
    d.escalatorPerYear === null
      ? ''
      : `${(d.escalatorPerYear * 100).toFixed(1)}%${d.escalatorBasis === 'assumed' ? '*' : ''}`,
    d.announced,
    ageCell(report.ages, d.id),
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: [
          'Deal',
          'kind',
          'MW IT',
          'term',
          'value',
          'avg $/kW-mo',
          'year 1',
          'escalator',
          'announced',
          'age',
        ],
        align: ['left', 'left'],
        rows,
      },
      ...ageLegend(report.ages),
      text(
        'avg $/kW-mo = value / MW / term / 12 (an average over the term); year 1 = the first year\'s rent at the escalator (stated, or * assumed where a lease says only "annual escalators"); "gross": MW of gross power, not IT.',
        'dim',
      ),
      ...report.entries.flatMap((d) => [
        text(`  ${d.id}: ${d.note}`, 'dim'),
        sourceLine('    source', d.provenance),
      ]),
      ...staleBlocks(report.stale),
    ],
  };
}

function conversionsDocument(report: Extract<CatalogDocument, { kind: 'conversions' }>): Document {
  const rows = report.entries.flatMap((c) =>
    c.sites.map((s, i) => [
      c.company,
      s.site,
      mwText(s.mw, s.mwBasis),
      s.tenant ?? 'none yet',
      s.model,
      s.expected ?? 'n/a',
      s.status,
      i === 0 ? (c.selfMiningEhs === null ? 'n/a' : c.selfMiningEhs.toFixed(1)) : '',
      i === 0 ? c.miningPlan : '',
      i === 0 ? ageCell(report.ages, c.id) : '',
    ]),
  );
  return {
    blocks: [
      {
        kind: 'table',
        head: [
          'Company',
          'site',
          'MW',
          'tenant',
          'model',
          'expected',
          'status',
          'mining EH/s',
          'mining',
          'age',
        ],
        align: ['left', 'left', 'right', 'left', 'left', 'left', 'left', 'right', 'left', 'right'],
        rows,
        stack: 'rows',
        titleColumns: 2,
      },
      ...ageLegend(report.ages),
      text(
        "mining EH/s: the company's last reported self-mining hashrate (what `hashcalc exodus --announced` counts); MW are IT load unless marked gross.",
        'dim',
      ),
      ...report.entries.flatMap((c) => [
        text(`  ${c.id}: ${c.note}`, 'dim'),
        sourceLine('    hashrate', c.provenance),
        ...c.sites.map((s) => sourceLine(`    ${s.site}`, s.provenance)),
      ]),
      ...staleBlocks(report.stale),
    ],
  };
}

function valuationsDocument(report: Extract<CatalogDocument, { kind: 'valuations' }>): Document {
  const rows = report.entries.map((v) => [
    v.id,
    v.kind,
    valuationText(v),
    v.provenance.asOf,
    ageCell(report.ages, v.id),
    v.provenance.confidence,
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: ['mark', 'kind', 'value', 'as of', 'age', 'basis'],
        align: ['left', 'left', 'right', 'left', 'right', 'left'],
        keepColumns: [0],
        rows,
      },
      ...ageLegend(report.ages),
      text(
        "gross MW: the site's grid power (what --sell-per-mw prices; a sale or bid per gross MW can be given by its id); IT MW: critical IT load (--residual per-it-mw:USD); a cap rate: --residual cap-rate:R.",
        'dim',
      ),
      ...report.entries.flatMap((v) => [
        text(`  ${v.id}: ${v.subject}, by ${v.by}: ${v.basis}`, 'dim'),
        sourceLine('    source', v.provenance),
      ]),
      ...staleBlocks(report.stale),
    ],
  };
}

function defaultsDocument(report: Extract<CatalogDocument, { kind: 'defaults' }>): Document {
  const rows = report.entries.map((d) => [
    d.flag,
    String(d.value),
    d.unit,
    d.provenance.asOf,
    ageCell(report.ages, d.id),
    d.provenance.confidence,
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: ['flag', 'default', 'unit', 'as of', 'age', 'basis'],
        align: ['left', 'right', 'left', 'left', 'right', 'left'],
        keepColumns: [0],
        rows,
      },
      ...ageLegend(report.ages),
      ...report.entries.flatMap((d) => [
        text(`  ${d.flag}: ${d.basis}`, 'dim'),
        sourceLine('    source', d.provenance),
      ]),
      ...staleBlocks(report.stale),
    ],
  };
}

export function catalogDocument(report: CatalogDocument): Document {
  switch (report.kind) {
    case 'miners':
      return minersDocument(report);
    case 'gpus':
      return gpusDocument(report);
    case 'deals':
      return dealsDocument(report);
    case 'conversions':
      return conversionsDocument(report);
    case 'valuations':
      return valuationsDocument(report);
    case 'defaults':
      return defaultsDocument(report);
  }
}

export function staleDocument(report: StaleDocument): Document {
  const s = report.stale;
  if (s.stale.length === 0) return { blocks: staleBlocks(s) };
  return {
    blocks: [
      {
        kind: 'table',
        head: ['kind', 'id', 'figure', 'as of', 'days', 'source'],
        align: ['left', 'left', 'left', 'left', 'right', 'left'],
        keepColumns: [1],
        rows: s.stale.map((f) => [f.kind, f.id, f.figure, f.asOf, String(f.ageDays), f.source]),
      },
      text(
        `${s.stale.length} of ${s.checked} dated figures are ${limitText(s)} (as of ${s.checkedOn}); ${s.fixed} fixed facts (nameplates, signed contract terms) are not aged.`,
        'bad',
      ),
    ],
  };
}
