/**
 * What a projecting command (project, sensitivity, compare, check) needs besides its inputs: the price deck
 * read (exit 2 on a bad row), and the day it starts with the network state then. Today by default; with
 * --start YYYY-MM the 1st of that month (00:00 UTC), the network state from the network inputs (--btc-price
 * and --fees-btc must be given; --height and --difficulty may come from the embedded difficulty epochs when
 * the date lies within them): nothing is fetched, since live data describe today, not the start.
 */
import { DIFFICULTY_EPOCHS, DIFFICULTY_EPOCHS_SOURCE } from '../catalog/difficulty-epochs.js';
import type { Context } from '../context.js';
import type { DeckRow } from '../core/price-path.js';
import { applyOverrides, embeddedSnapshot } from '../data/snapshot.js';
import type { NetworkSnapshot, Sourced } from '../data/types.js';
import { UsageError } from '../errors.js';
import type { Given, LayeredInputs } from '../inputs/layers.js';
import { type ProjectionSettings, type ResolvedSite, resolveNetworkOverrides } from '../inputs/resolve.js';
import { printNotes } from './commands/shared.js';
import { getNetwork, type NetworkScope } from './network-request.js';

const BLOCKS_PER_EPOCH = 2016;

/** --start's first day, Unix ms (UTC). */
export const startMsOf = (month: string) =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);

/**
 * The height and difficulty at `ms` from the embedded epochs: the epoch under way then, its height
 * interpolated between its start and the next epoch's (both dated); null outside them.
 */
export function epochStateAt(ms: number): { height: Sourced<number>; difficulty: Sourced<number> } | null {
  const sec = ms / 1000;
  for (let i = 0; i + 1 < DIFFICULTY_EPOCHS.length; i++) {
    const [height, time, difficulty] = DIFFICULTY_EPOCHS[i] as readonly [number, number | null, number];
    const next = (DIFFICULTY_EPOCHS[i + 1] as readonly [number, number | null, number])[1];
    if (time === null || next === null || sec < time || sec >= next) continue;
    const at = Math.floor(height + (BLOCKS_PER_EPOCH * (sec - time)) / (next - time));
    const basis = `embedded difficulty epochs (${DIFFICULTY_EPOCHS_SOURCE}): the epoch from height ${height}`;
    return {
      height: { value: at, source: 'snapshot', asOfMs: ms, basis: `${basis}, interpolated to the start` },
      difficulty: { value: difficulty, source: 'snapshot', asOfMs: ms, basis },
    };
  }
  return null;
}

/** The network state on --start's day: the network inputs given, the epochs for height and difficulty. */
function networkAtStart(
  layered: Pick<LayeredInputs, 'given'>,
  month: string,
  startMs: number,
): NetworkSnapshot {
  const overrides = resolveNetworkOverrides(layered);
  const epochs = epochStateAt(startMs);
  const missing = [
    overrides.btcUsd === undefined ? '--btc-price' : '',
    overrides.avgFeesBtcPerBlock === undefined ? '--fees-btc' : '',
    overrides.heightBlocks === undefined && !epochs ? '--height' : '',
    overrides.difficulty === undefined && !epochs ? '--difficulty' : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    const from = (layered.given.start as Given<string> | undefined)?.from ?? '--start';
    throw new UsageError(
      `${from} ${month}: give ${missing.join(', ')} for that date (the network state then: live data describe today${epochs ? '' : '; the embedded epochs cover 2019-12-19 to 2026-03-20'})`,
    );
  }
  const base = embeddedSnapshot();
  const snapshot: NetworkSnapshot = {
    ...base,
    ...(epochs ? { heightBlocks: epochs.height, difficulty: epochs.difficulty } : {}),
    estimatedHashrateHs: null,
    retarget: null,
    pools: null,
  };
  return applyOverrides(snapshot, overrides, startMs);
}

/**
 * The price deck read into the settings, the start (Unix ms) and the network then: today and the network
 * as the command obtains it, or --start's day and the network inputs.
 */
export async function projectionStart(
  layered: Pick<LayeredInputs, 'given'>,
  ctx: Context,
  settings: ProjectionSettings,
  resolved: Pick<ResolvedSite, 'gpu'>,
  scope: NetworkScope = {},
): Promise<{ snapshot: NetworkSnapshot; nowMs: number }> {
  if (settings.priceDeck !== null) {
    const { readPriceDeck } = await import('../data/deck.js');
    const deck = readPriceDeck(settings.priceDeck);
    settings.deck = deck;
    printNotes(ctx, [
      `price deck ${deck.path}: ${(deck.rows[0] as DeckRow).month} to ${(deck.rows.at(-1) as DeckRow).month} (${deck.columns.join(', ')}) replaces the growth paths for its months; breakevens and a simulation scale its path (a BTC/USD breakeven is the deck's BTC path scaled by breakeven / today's price)`,
    ]);
  }
  if (settings.start === null) return { snapshot: await getNetwork(layered, ctx, scope), nowMs: ctx.now() };
  const startMs = startMsOf(settings.start);
  const snapshot = networkAtStart(layered, settings.start, startMs);
  // A catalog quote dated after the start is from its future: used as given (at the start), and said.
  const { gpu } = resolved;
  const later = [
    gpu.rentQuoteDate && gpu.rentQuoteDate.slice(0, 7) > settings.start ? `rent (${gpu.rentQuoteDate})` : '',
    gpu.capexQuoteDate && gpu.capexQuoteDate.slice(0, 7) > settings.start
      ? `price (${gpu.capexQuoteDate})`
      : '',
  ].filter(Boolean);
  if (later.length > 0)
    printNotes(ctx, [
      `--start ${settings.start}: the catalog's ${gpu.gpu.name} ${later.join(' and ')} is dated after the start: used as given, as if quoted then (give --gpu-hour-price or --gpu-capex for the prices of then)`,
    ]);
  return { snapshot, nowMs: startMs };
}
