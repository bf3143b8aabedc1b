/** What a command asks of the data layer, and the seams tests use. Types only. */
import type { HttpOptions } from './http.js';
import type { LiveOptions } from './live.js';
import type { SourceConfig } from './sources/index.js';
import type { NetworkQuantity, Quantity } from './types.js';

export interface NetworkRequest {
  offline: boolean;
  overrides: Partial<Record<NetworkQuantity, number>>;
  /** Quantities the command needs (default: the four hashprice inputs). */
  want?: readonly Quantity[];
  /** Quantities taken when available but never worth a fetch on their own (default: estimated hashrate). */
  optional?: readonly Quantity[];
  /** Skip fresh cache entries. */
  refresh?: boolean;
  /** Fail instead of falling back to cache or snapshot (also skips the cache). */
  requireLive?: boolean;
  /** Fail when a needed quantity's data is older than this. */
  maxAgeMs?: number;
  /** --max-age as the user wrote it, for messages. */
  maxAgeText?: string;
  /** The maximum age is the command's default (check's), not the user's: the error says how to accept older data. */
  maxAgeIsDefault?: boolean;
  timeoutMs?: number;
  /** Report two sources disagreeing by more than this fraction. */
  maxDivergence?: number;
  sources?: Partial<SourceConfig>;
  /** Called when a live fetch starts (e.g. to show a spinner); returns the function that ends it. */
  onFetch?: (hosts: readonly string[]) => () => void;
}

/** Seams for tests. */
export interface ObtainDeps {
  /** Whether any non-loopback network interface is up (default: os.networkInterfaces()). */
  hasNetwork?: () => boolean;
  onRequest?: LiveOptions['onRequest'];
  http?: Partial<HttpOptions>;
  graceMs?: number;
}
