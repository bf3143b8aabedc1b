/** The `catalog` tables. Formatting only: every figure and its provenance come from the report. */
import type { CatalogDocument, StaleDocument, Staleness } from '../report/catalog.js';
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

function staleBlocks(stale: Staleness | undefined): Block[] {
  if (!stale) return [];
  return [
    text(
      stale.stale.length === 0
        ? `No dated figure here is older than ${stale.maxAgeDays} days (${stale.checked} checked as of ${stale.checkedOn}; ${stale.fixed} fixed facts not aged).`
        : `${stale.stale.length} of ${stale.checked} dated figures are older than ${stale.maxAgeDays} days (as of ${stale.checkedOn}): see stderr.`,
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
        head: ['Model', 'id', 'TH/s', 'W', 'J/TH', 'cooling', 'year', 'new $/TH', 'used $/TH', 'nameplate'],
        rows,
        keepColumns: [1],
        dropColumns: [0, 9, 5],
        align: ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'left'],
      },
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
        head: ['GPU', 'id', 'GPU W', 'kW/GPU', 'capex/GPU', '$/GPU-h', 'basis', 'on-demand', 'rent as of'],
        rows,
        keepColumns: [1],
        dropColumns: [0, 7],
        align: ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
      },
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
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: ['Deal', 'kind', 'MW IT', 'term', 'value', 'avg $/kW-mo', 'year 1', 'escalator', 'announced'],
        align: ['left', 'left'],
        rows,
      },
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
    ]),
  );
  return {
    blocks: [
      {
        kind: 'table',
        head: ['Company', 'site', 'MW', 'tenant', 'model', 'expected', 'status', 'mining EH/s', 'mining'],
        align: ['left', 'left', 'right', 'left', 'left', 'left', 'left', 'right', 'left'],
        rows,
        stack: 'rows',
        titleColumns: 2,
      },
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

function defaultsDocument(report: Extract<CatalogDocument, { kind: 'defaults' }>): Document {
  const rows = report.entries.map((d) => [
    d.flag,
    String(d.value),
    d.unit,
    d.provenance.asOf,
    d.provenance.confidence,
  ]);
  return {
    blocks: [
      {
        kind: 'table',
        head: ['flag', 'default', 'unit', 'as of', 'basis'],
        align: ['left', 'right', 'left', 'left', 'left'],
        keepColumns: [0],
        rows,
      },
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
        `${s.stale.length} of ${s.checked} dated figures are older than ${s.maxAgeDays} days (as of ${s.checkedOn}); ${s.fixed} fixed facts (nameplates, signed contract terms) are not aged.`,
        'bad',
      ),
    ],
  };
}
