/**
 * Every source's parser on the fixtures (shaped like the real responses) and on their traps: numeric strings
 * in satoshis, GH/s, satoshis in *_btc fields, plain-text bodies, seconds vs milliseconds, 0 from a node that
 * is down, -1 for an unknown price, HTML error pages, malformed JSON and wrong types.
 */
import { describe, expect, it } from 'vitest';
import { FetchFailure, type HttpResponse } from '../../src/data/http.js';
import { blockchainInfoProviders } from '../../src/data/sources/blockchain-info.js';
import { coingeckoProviders } from '../../src/data/sources/coingecko.js';
import type { Provider } from '../../src/data/sources/common.js';
import { mempoolApiBase, mempoolProviders } from '../../src/data/sources/mempool.js';
import type { Quantity, QuantityValues } from '../../src/data/types.js';
import { FIXTURE_NOW_MS, fixtureJson, fixtureText } from './helpers/fixtures.js';

const AT = FIXTURE_NOW_MS;

function response(body: string, contentType = 'application/json'): HttpResponse {
  return { url: 'https://example.test/', status: 200, contentType, body, attempts: 1 };
}

function readWith<Q extends Quantity>(p: Provider<Q> | undefined, body: string, contentType?: string) {
  if (!p) throw new Error('no provider');
  return p.read(p.endpoint.parse(response(body, contentType)), AT) as {
    value: QuantityValues[Q];
    asOfMs: number;
  };
}

function failureOf(fn: () => unknown): FetchFailure {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FetchFailure);
    return error as FetchFailure;
  }
  throw new Error('expected a failure');
}

const mempool = mempoolProviders('https://mempool.space');
const bci = blockchainInfoProviders();
const coingecko = coingeckoProviders();

describe('mempool', () => {
  it('uses the instance base URL, with or without /api, for public and self-hosted instances', () => {
    expect(mempoolApiBase('https://mempool.space')).toBe('https://mempool.space/api');
    expect(mempoolApiBase('http://umbrel.local:3006/')).toBe('http://umbrel.local:3006/api');
    expect(mempoolApiBase('http://umbrel.local:3006/api')).toBe('http://umbrel.local:3006/api');
    const home = mempoolProviders('http://umbrel.local:3006');
    expect(home.heightBlocks[0]?.endpoint.url).toBe('http://umbrel.local:3006/api/blocks/tip/height');
    expect(home.heightBlocks[0]?.endpoint.host).toBe('umbrel.local:3006');
    expect(home.avgFeesBtcPerBlock[0]?.endpoint.url).toBe(
      'http://umbrel.local:3006/api/v1/mining/reward-stats/144',
    );
  });

  it('reads the tip height from plain text', () => {
    expect(readWith(mempool.heightBlocks[0], fixtureText('mempool/tip-height.txt'), 'text/plain')).toEqual({
      value: 927_000,
      asOfMs: AT,
    });
    expect(readWith(mempool.heightBlocks[0], '927000\n', 'text/plain').value).toBe(927_000);
  });

  it('reads difficulty and the estimated hashrate (H/s) from hashrate/3d', () => {
    const body = fixtureText('mempool/hashrate-3d.json');
    expect(readWith(mempool.difficulty[0], body).value).toBe(149_301_206_437_464);
    expect(readWith(mempool.estimatedHashrateHs[0], body).value).toBe(1.0512e21);
  });

  it('treats difficulty 0 and hashrate 0 (the instance node is down) as a failed source', () => {
    const down = JSON.stringify({ hashrates: [], difficulty: [], currentHashrate: 0, currentDifficulty: 0 });
    expect(failureOf(() => readWith(mempool.difficulty[0], down)).message).toBe(
      'reported difficulty 0 (its Bitcoin node may be down)',
    );
    expect(failureOf(() => readWith(mempool.estimatedHashrateHs[0], down)).message).toBe(
      'reported hashrate 0 (its Bitcoin node may be down)',
    );
  });

  it('reads reward-stats: decimal strings in satoshis over the blocks summed', () => {
    // totalFee "304000000" sats over blocks 926857..927000 (144 blocks): 304,000,000 / 144 / 1e8 = 0.0211111 BTC per block.
    const fees = readWith(mempool.avgFeesBtcPerBlock[0], fixtureText('mempool/reward-stats-144.json')).value;
    expect(fees).toBeCloseTo(0.021_111_11, 8);
    // Numbers instead of strings are read the same way.
    const numeric = JSON.stringify({
      startBlock: 1,
      endBlock: 144,
      totalReward: 45_304_000_000,
      totalFee: 304_000_000,
      totalTx: 1,
    });
    expect(readWith(mempool.avgFeesBtcPerBlock[0], numeric).value).toBeCloseTo(0.021_111_11, 8);
    // A young self-hosted index with only 100 blocks: 100,000,000 sats / 100 = 0.01 BTC per block.
    const young = JSON.stringify({
      startBlock: 900,
      endBlock: 999,
      totalReward: '31350000000',
      totalFee: '100000000',
      totalTx: '5',
    });
    expect(readWith(mempool.avgFeesBtcPerBlock[0], young).value).toBeCloseTo(0.01, 10);
    const bad = JSON.stringify({
      startBlock: 1,
      endBlock: 144,
      totalReward: '1',
      totalFee: '-5',
      totalTx: '1',
    });
    expect(failureOf(() => readWith(mempool.avgFeesBtcPerBlock[0], bad)).message).toBe(
      'sent unexpected data (totalFee: unexpected format)',
    );
  });

  it('reads the USD price with its time (Unix s), and -1 as unknown', () => {
    const price = readWith(mempool.btcUsd[0], fixtureText('mempool/prices.json'));
    expect(price.value).toBe(91_234);
    expect(price.asOfMs).toBe(1_765_195_160_000);
    const unknown = JSON.stringify({ ...fixtureJson('mempool/prices.json'), USD: -1 });
    expect(failureOf(() => readWith(mempool.btcUsd[0], unknown)).message).toBe('reported no USD price (-1)');
  });

  it('reads the retarget estimate: percent to ratios, ms dates (seconds in older versions), ms intervals', () => {
    const retarget = readWith(mempool.retarget[0], fixtureText('mempool/difficulty-adjustment.json')).value;
    expect(retarget.progress).toBeCloseTo(1656 / 2016, 12); // 82.142857%
    expect(retarget.estimatedChange).toBeCloseTo(600 / 592 - 1, 12); // +1.3514%
    expect(retarget.estimatedAtMs).toBe(Date.UTC(2025, 11, 10, 23, 12, 0)); // now + 360 blocks x 592 s
    expect(retarget.nextRetargetHeight).toBe(927_360);
    expect(retarget.remainingBlocks).toBe(360);
    expect(retarget.meanBlockIntervalSec).toBe(592);
    const inSeconds = JSON.stringify({
      ...fixtureJson('mempool/difficulty-adjustment.json'),
      estimatedRetargetDate: 1_765_408_320,
    });
    expect(readWith(mempool.retarget[0], inSeconds).value.estimatedAtMs).toBe(1_765_408_320_000);
    const nullPrevious = JSON.stringify({
      ...fixtureJson('mempool/difficulty-adjustment.json'),
      previousRetarget: null,
    });
    expect(readWith(mempool.retarget[0], nullPrevious).value.remainingBlocks).toBe(360);
  });

  it('rejects malformed JSON, an HTML page, wrong types, an empty body and implausible values', () => {
    const p = mempool.difficulty[0];
    expect(failureOf(() => readWith(p, '{"currentDifficulty": 1493')).message).toBe('sent malformed JSON');
    expect(
      failureOf(() => readWith(p, '<html><body>502 Bad Gateway</body></html>', 'text/html')).message,
    ).toBe('sent an HTML page instead of JSON');
    expect(failureOf(() => readWith(p, '<!DOCTYPE html><html></html>', 'application/json')).message).toBe(
      'sent an HTML page instead of JSON',
    );
    const wrong = JSON.stringify({
      hashrates: [],
      difficulty: [],
      currentHashrate: 1e21,
      currentDifficulty: '149301206437464',
    });
    expect(failureOf(() => readWith(p, wrong)).message).toBe(
      'sent unexpected data (currentDifficulty: expected number)',
    );
    expect(failureOf(() => readWith(p, '')).message).toBe('sent an empty body');
    expect(failureOf(() => readWith(mempool.heightBlocks[0], '<html></html>', 'text/html')).message).toBe(
      'sent an HTML page instead of a number',
    );
    expect(failureOf(() => readWith(mempool.heightBlocks[0], '927000.5', 'text/plain')).message).toBe(
      "sent unexpected text instead of a number ('927000.5')",
    );
    expect(failureOf(() => readWith(mempool.heightBlocks[0], '0', 'text/plain')).message).toBe(
      'reported an implausible height (0)',
    );
    const negative = JSON.stringify({
      hashrates: [],
      difficulty: [],
      currentHashrate: 1e21,
      currentDifficulty: -5,
    });
    expect(failureOf(() => readWith(p, negative)).message).toBe('reported an implausible difficulty (-5)');
  });
});

describe('blockchain.info', () => {
  it('reads height and difficulty from plain-text bodies', () => {
    expect(
      readWith(bci.heightBlocks?.[0], fixtureText('blockchain-info/getblockcount.txt'), 'text/plain').value,
    ).toBe(927_000);
    // "1.49301206437464E14" in E notation.
    expect(
      readWith(bci.difficulty?.[0], fixtureText('blockchain-info/getdifficulty.txt'), 'text/plain').value,
    ).toBe(149_301_206_437_464);
    expect(readWith(bci.difficulty?.[0], '149301206437464.0', 'text/plain').value).toBe(149_301_206_437_464);
    expect(failureOf(() => readWith(bci.difficulty?.[0], '0', 'text/plain')).message).toBe(
      'reported difficulty 0 (its Bitcoin node may be down)',
    );
  });

  it('reads stats: hash_rate in GH/s and total_fees_btc in satoshis despite the name', () => {
    const body = fixtureText('blockchain-info/stats.json');
    // hash_rate 1.0498e12 GH/s x 1e9 = 1.0498e21 H/s.
    expect(readWith(bci.estimatedHashrateHs?.[0], body).value).toBeCloseTo(1.0498e21, -9);
    // total_fees_btc 310,000,000 sats / 1e8 / 150 blocks = 0.0206667 BTC per block (not 2,066,667 BTC).
    const fees = readWith(bci.avgFeesBtcPerBlock?.[0], body);
    expect(fees.value).toBeCloseTo(0.020_666_67, 8);
    expect(fees.asOfMs).toBe(1_765_195_200_000); // timestamp in ms
    const noBlocks = JSON.stringify({ ...fixtureJson('blockchain-info/stats.json'), n_blocks_mined: 0 });
    expect(failureOf(() => readWith(bci.avgFeesBtcPerBlock?.[0], noBlocks)).message).toBe(
      'reported 0 blocks mined in its fee window',
    );
  });

  it('names blockchain.info for /q/ and api.blockchain.info for /stats', () => {
    expect(bci.heightBlocks?.[0]?.endpoint.url).toBe('https://blockchain.info/q/getblockcount');
    expect(bci.difficulty?.[0]?.endpoint.host).toBe('blockchain.info');
    expect(bci.avgFeesBtcPerBlock?.[0]?.endpoint.url).toBe('https://api.blockchain.info/stats');
  });
});

describe('CoinGecko', () => {
  it('reads the simple price and its update time; sends the demo key only when given', () => {
    const price = readWith(coingecko.btcUsd?.[0], fixtureText('coingecko/simple-price.json'));
    expect(price).toEqual({ value: 91_300, asOfMs: 1_765_195_150_000 });
    expect(coingecko.btcUsd?.[0]?.endpoint.headers).toBeUndefined();
    expect(coingeckoProviders(undefined, 'CG-demo').btcUsd?.[0]?.endpoint.headers).toEqual({
      'x-cg-demo-api-key': 'CG-demo',
    });
    expect(coingecko.btcUsd?.[0]?.endpoint.url).toBe(
      'https://api.coingecko.com/api/v3/simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true',
    );
  });

  it('rejects an empty answer for an unknown id and a string price', () => {
    expect(failureOf(() => readWith(coingecko.btcUsd?.[0], '{}')).message).toBe(
      'sent unexpected data (bitcoin: expected object)',
    );
    expect(failureOf(() => readWith(coingecko.btcUsd?.[0], '{"bitcoin":{"usd":"91300"}}')).message).toBe(
      'sent unexpected data (bitcoin.usd: expected number)',
    );
  });
});

describe('retarget sanity', () => {
  it('rejects a retarget date no estimate can reach (it would crash date formatting)', async () => {
    const { checkRetarget } = await import('../../src/data/sanity.js');
    const good = {
      progress: 0.5,
      estimatedChange: 0.01,
      estimatedAtMs: Date.UTC(2026, 11, 1),
      nextRetargetHeight: 927_360, // 460 x 2016
      remainingBlocks: 1000,
      meanBlockIntervalSec: 600,
    };
    expect(checkRetarget(good)).toEqual(good);
    expect(() => checkRetarget({ ...good, estimatedAtMs: 1e20 })).toThrow();
    expect(() => checkRetarget({ ...good, estimatedAtMs: Date.UTC(2008, 0, 1) })).toThrow();
  });
});
