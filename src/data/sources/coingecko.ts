/**
 * CoinGecko simple price: {"bitcoin":{"usd":n,"last_updated_at":unix s}}. Keyless access is IP-limited (429);
 * a demo key (HASHCALC_COINGECKO_KEY) goes in the x-cg-demo-api-key header. An unknown id answers {}.
 */
import * as z from 'zod/mini';
import { checkBtcUsd } from '../sanity.js';
import type { Quantity } from '../types.js';
import { type Endpoint, hostOf, type Provider, parseJson, provider, trimSlash } from './common.js';

import { DEFAULT_COINGECKO_URL, instanceOf } from './instances.js';

export { DEFAULT_COINGECKO_URL };

export const simplePriceSchema = z.object({
  bitcoin: z.object({ usd: z.number(), last_updated_at: z.optional(z.number()) }),
});

export function coingeckoProviders(
  baseUrl: string = DEFAULT_COINGECKO_URL,
  demoKey?: string,
): { [Q in Quantity]?: Provider<Q>[] } {
  const url = `${trimSlash(baseUrl)}/simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true`;
  const price: Endpoint<z.infer<typeof simplePriceSchema>> = {
    id: 'coingecko:simple-price',
    source: 'coingecko',
    host: hostOf(url),
    instance: instanceOf(trimSlash(baseUrl)),
    url,
    ...(demoKey ? { headers: { 'x-cg-demo-api-key': demoKey } } : {}),
    parse: (r) => parseJson(r, simplePriceSchema),
  };
  return {
    btcUsd: [
      provider(price, (p, at) => {
        const updated = p.bitcoin.last_updated_at;
        const asOfMs = updated && updated > 0 ? Math.min(updated * 1000, at) : at;
        return { value: checkBtcUsd(p.bitcoin.usd), asOfMs };
      }),
    ],
  };
}
