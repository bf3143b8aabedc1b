/**
 * Each assumption's public source as a link (`assumptionSources.<input>.sourceUrl`): a catalog figure's source,
 * a model's specification, the document a default's basis cites, the embedded snapshot's sources; none for a
 * value the user gave.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURES } from '../../src/catalog/defaults.js';
import { CLOSES_SOURCE_URL, SNAPSHOT_SOURCE_URLS } from '../../src/catalog/snapshot.js';
import type { ProjectReport } from '../../src/report/schemas.js';
import type { SensitivityReport } from '../../src/report/sensitivity-schema.js';
import { runCli } from './run-cli.js';

const DGX_GUIDE = 'https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html';
const FOUR_CP = 'https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs';

describe('assumptionSources.<input>.sourceUrl', () => {
  it('project: defaults, catalog and embedded values link their public source; given values none', async () => {
    const r = await runCli(['project', '--mw', '341', '--years', '3', '--offline', '--json']);
    const a = (JSON.parse(r.stdout) as ProjectReport).assumptionSources;
    const power = DEFAULT_FIGURES.find((f) => f.id === 'powerUsdPerKwh')?.provenance.source;
    expect(power).toMatch(/^https:\/\//);
    expect(a.powerUsdPerKwh?.sourceUrl).toBe(power);
    expect(a.kwPerGpu?.sourceUrl).toBe(DGX_GUIDE);
    expect(a.gpu?.sourceUrl).toBe(DGX_GUIDE);
    expect(a.transmissionChargeUsdPerKwYear?.sourceUrl).toBe(FOUR_CP);
    expect(a.miningPeakShare?.sourceUrl).toBe(FOUR_CP);
    // Offline: the price is the newest embedded monthly close, the fees the snapshot's.
    expect(a.btcUsd?.sourceUrl).toBe(CLOSES_SOURCE_URL);
    expect(a.avgFeesBtcPerBlock?.sourceUrl).toBe(SNAPSHOT_SOURCE_URLS.avgFeesBtcPerBlock);
    // Offline, the difficulty is the newest embedded epoch's: Electrum's checkpoints.
    expect(a.difficulty?.sourceUrl).toBe('https://github.com/spesmilo/electrum');
    expect(a.siteMw?.sourceUrl).toBeUndefined();
    expect(a.poolFee?.sourceUrl).toBeUndefined();
    for (const s of Object.values(a)) if (s.sourceUrl) expect(s.sourceUrl).toMatch(/^https?:\/\/\S+$/);
  });

  it('a value given by flag carries no source, the catalog default it replaced did', async () => {
    const r = await runCli([
      'project',
      '--mw',
      '341',
      '--years',
      '3',
      '--offline',
      '--json',
      '--power-price',
      '0.05',
      '--btc-price',
      '90000',
      '--transmission-charge',
      '60',
    ]);
    const a = (JSON.parse(r.stdout) as ProjectReport).assumptionSources;
    expect(a.powerUsdPerKwh?.sourceUrl).toBeUndefined();
    expect(a.btcUsd?.sourceUrl).toBeUndefined();
    expect(a.transmissionChargeUsdPerKwYear?.sourceUrl).toBeUndefined();
  });

  it('sensitivity and compare carry them too', async () => {
    const s = JSON.parse(
      (await runCli(['sensitivity', '--mw', '341', '--years', '3', '--offline', '--json'])).stdout,
    ) as SensitivityReport;
    expect(s.assumptionSources.kwPerGpu?.sourceUrl).toBe(DGX_GUIDE);
    const c = JSON.parse(
      (await runCli(['compare', '--mw', '341', '--offline', '--json'])).stdout,
    ) as ProjectReport;
    expect(c.assumptionSources.gpuCapexUsdPerGpu?.sourceUrl).toMatch(/^https:\/\//);
  });
});
