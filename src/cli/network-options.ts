/**
 * Data-source flags shared by every command that needs network data, and the translation of parsed options
 * into a NetworkRequest for the data layer.
 */
import type { Command } from 'commander';
import type { NetworkRequest } from '../data/obtain.js';
import type { Context } from './context.js';
import { type RawOptions, resolveNetworkOverrides } from './inputs.js';

/** Adds the data-source flags (live sources, cache, fallback) to a command. */
export function addDataOptions(command: Command): Command {
  return command;
}

export function networkRequestFrom(options: RawOptions, _ctx: Context): NetworkRequest {
  return { offline: options.offline === true, overrides: resolveNetworkOverrides(options) };
}
