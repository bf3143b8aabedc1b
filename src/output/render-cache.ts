/** The `cache` table: the directory, each of hashcalc's files, network.json's entries, history.json's series; or what --clear removed. */
import type { CacheReport } from '../report/cache-schema.js';
import { formatAge } from '../report/format.js';
import { type Block, type Document, text } from './document.js';

/** "812 B", "3.4 kB", "1.2 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Number((bytes / 1000).toFixed(1))} kB`;
  return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
}

const agoText = (seconds: number | null) =>
  seconds === null ? '-' : seconds < 0 ? 'in the future' : `${formatAge(seconds * 1000)} ago`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const QUANTITY_NAMES: Record<string, string> = {
  heightBlocks: 'height',
  difficulty: 'difficulty',
  btcUsd: 'price',
  avgFeesBtcPerBlock: 'fees',
  estimatedHashrateHs: 'estimated hashrate',
  retarget: 'next retarget',
  pools: 'pool shares',
};

function clearedBlocks(report: CacheReport, cleared: NonNullable<CacheReport['cleared']>): Block[] {
  const dir = report.directory.path ?? '';
  const bytes = cleared.removed.reduce((sum, f) => sum + f.sizeBytes, 0);
  const blocks: Block[] = [
    text(
      cleared.removed.length === 0
        ? `Nothing to remove in ${dir}`
        : `Removed ${plural(cleared.removed.length, 'file')} (${sizeText(bytes)}) from ${dir}: ${cleared.removed.map((f) => f.name).join(', ')}`,
      'heading',
    ),
  ];
  if (cleared.directoryRemoved)
    blocks.push(text(`Removed the directory ${dir} (hashcalc's own, left empty)`));
  for (const f of cleared.kept) blocks.push(text(`Left ${f.path}: not a regular file`, 'bad'));
  for (const f of cleared.failed) blocks.push(text(`Could not remove ${f.path} (${f.error})`, 'bad'));
  return blocks;
}

export function cacheDocument(report: CacheReport): Document {
  const { directory } = report;
  if (directory.path === null)
    return {
      blocks: [
        text(
          'Cache directory: none (no home directory, so nothing is cached; set HASHCALC_CACHE_DIR)',
          'heading',
        ),
      ],
    };
  if (report.cleared) return { blocks: clearedBlocks(report, report.cleared) };
  const from =
    directory.from === 'HASHCALC_CACHE_DIR'
      ? ' (HASHCALC_CACHE_DIR)'
      : directory.from === 'XDG_CACHE_HOME'
        ? ' ($XDG_CACHE_HOME)'
        : '';
  const present = report.files.filter((f) => f.status !== 'absent');
  const blocks: Block[] = [
    text(
      `Cache directory: ${directory.path}${from}: ${
        !directory.exists
          ? 'not present (nothing cached yet)'
          : present.length === 0
            ? 'empty (nothing cached yet)'
            : `${sizeText(directory.sizeBytes)} in ${plural(present.length, 'file')}`
      }`,
      'heading',
    ),
  ];
  if (!directory.exists) return { blocks };
  blocks.push({
    kind: 'table',
    head: ['File', 'Status', 'Size', 'Modified'],
    rows: report.files.map((f) => [
      f.name,
      f.status === 'not-a-file' ? 'not a regular file' : f.status,
      f.status === 'absent' ? '-' : sizeText(f.sizeBytes),
      agoText(f.ageSeconds),
    ]),
    numeric: false,
    keepColumns: [0, 1],
    stack: 'rows',
  });
  for (const f of report.files) if (f.problem) blocks.push(text(f.problem, 'bad'));
  if (report.network.length > 0) {
    blocks.push(text('network.json: per quantity, source and instance', 'heading'));
    blocks.push({
      kind: 'table',
      head: ['Quantity', 'Source', 'Instance', 'Fetched', 'Data as of (UTC)', 'State'],
      rows: report.network.map((e) => [
        QUANTITY_NAMES[e.quantity] ?? e.quantity,
        e.origin,
        e.instance ?? '-',
        agoText(e.ageSeconds),
        e.asOf.slice(0, 16).replace('T', ' '),
        e.fresh ? 'fresh' : 'stale',
      ]),
      numeric: false,
      keepColumns: [0, 1, 2],
      stack: 'rows',
    });
  }
  if (report.history.instance) {
    const { api, host } = report.history.instance;
    blocks.push(text(`history.json: ${api}${api.includes(host) ? '' : ` (answered by ${host})`}`, 'heading'));
    blocks.push({
      kind: 'table',
      head: ['Series', 'Rows', 'From', 'To', 'Fetched'],
      rows: report.history.series.map((s) => [
        s.series,
        String(s.rows),
        s.firstDay ?? '-',
        s.lastDay ?? '-',
        agoText(s.ageSeconds),
      ]),
      numeric: false,
      keepColumns: [0],
      stack: 'rows',
    });
  }
  blocks.push(
    text(
      'Entries are used without a request while fresh (price 60 s, the rest 10 min), and as a fallback at any age. hashcalc cache --clear removes these files.',
      'dim',
    ),
  );
  return { blocks };
}
