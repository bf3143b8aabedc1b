import { describe, expect, it } from 'vitest';
import { economicsOutputSchema } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

// Independent working for the embedded network offline (the newest embedded monthly close, July 2026, for price;
// the snapshot of 2026-01-12 for fees; the newest embedded difficulty epoch, from block 953,568, for difficulty)
// and the documented defaults:
//   hashprice = 86400e15 / (124932866006548.16 x 2^32) x (3.125 + 17/1008) = 0.00050590 BTC/PH/day
//             x $62,829.09 = $31.7852/PH/day
//   mining: 341 MW / 1.05 = 324.7619 MW IT; floor(324,761,905 W / 3645 W) = 89,097 S21 XP; x 270 = 24,056,190 TH/s
//           revenue = 24,056.19 PH x 31.7852 x 0.975 x 0.98 x 365 = $266.67M/yr
//           per site kWh: 266.67M / (341,000 kW x 8760 h) = $0.08927/kWh
//   lease:  341 / 1.3 = 262.3077 MW IT x 1000 x $138 x 12 = $434.38M/yr -> $0.14542/kWh, 1.6289x mining
//   GPU:    H100 at 10.2 kW / 8 x 1.10 (network, storage) = 1.4025 kW; floor(262,307.69 / 1.4025) = 187,028
//           x $2.65 (1-year contract, June 2026) x 8760 x 1.0 (contract: every hour billed) = $4.3417B/yr, 16.281x mining
//           capex per GPU $317,000 / 8 + ($27,648,000 + $41,943,040) / 16,384 + $3,000 = $46,872.50;
//           187,028 x $46,872.50 + 262.3077 MW x $10M = $11.3895B
describe('hashcalc compare on the embedded snapshot', () => {
  it('prints one JSON document matching its schema, with independently computed figures', async () => {
    const { code, stdout, stderr } = await runCli(['compare', '--mw', '341', '--offline', '--json']);
    expect(code, stderr).toBe(0);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.network?.source).toBe('snapshot');
    // The network's date is its oldest input's: the snapshot's fees.
    expect(report.network?.asOf).toBe('2026-01-12T00:00:00.000Z');
    expect(report.network?.hashpriceUsdPerPhDay).toBeCloseTo(31.7852, 3);
    expect(report.network?.subsidyBtc).toBe(3.125);
    const [mining, lease, gpu] = report.options;
    expect(mining?.id).toBe('mining');
    expect(mining?.units).toBe(89_097);
    expect(mining?.hashrateThs).toBe(24_056_190);
    expect(mining?.revenueUsdPerYear).toBeCloseTo(266_671_056, -2);
    expect(mining?.revenueUsdPerKwh).toBeCloseTo(0.089272, 5);
    expect(lease?.id).toBe('ai-lease');
    expect(lease?.revenueUsdPerYear).toBeCloseTo(434_381_538, -1);
    expect(lease?.revenueUsdPerKwh).toBeCloseTo(0.145416, 5);
    expect(lease?.revenueMultipleVsMining).toBeCloseTo(1.6289, 3);
    expect(gpu?.id).toBe('gpu-cloud');
    expect(gpu?.units).toBe(187_028);
    expect(gpu?.revenueUsdPerYear).toBeCloseTo(4_341_667_992, -1);
    expect(gpu?.revenueMultipleVsMining).toBeCloseTo(16.281, 3);
    expect(gpu?.capexUsd).toBeCloseTo(11_389_546_853, -1);
    expect(report.assumptions).toMatchObject({
      siteMw: 341,
      occupancy: 1,
      kwPerGpu: 1.4025,
      poolFee: 0.025,
      pueAi: 1.3,
    });
    expect(report.assumptionSources.siteMw?.origin).toBe('flag');
    expect(report.assumptionSources.occupancy?.origin).toBe('default');
    expect(report.assumptionSources.kwPerGpu?.origin).toBe('catalog');
    // Too close to call: the GPU cloud leads, but the GPU-hour price 5% lower (in its plausible range, base
    // -/+ 20%) hands the lead to keeping mining; the ranges are stated with their basis.
    const verdict = report.verdict as Exclude<typeof report.verdict, string>;
    expect(verdict.robust).toBe(false);
    const gpuPrice = verdict.flips.find((f) => f.driver === 'gpu-hour-price');
    expect(gpuPrice).toMatchObject({ unit: 'USD per GPU-hour', low: 2.12, high: 3.18, toOptionId: 'mining' });
    expect(gpuPrice?.value).toBeGreaterThan(2.4);
    expect(gpuPrice?.value).toBeLessThan(2.65);
    expect(verdict.plausibleRanges.find((r) => r.driver === 'difficulty-growth')).toMatchObject({
      low: -0.02,
      high: 0.03,
    });
    expect(verdict.simulatedShareFirst).toBeUndefined();
  });

  it('prints a table that fits 100 columns, with assumptions, provenance and a verdict', async () => {
    const { code, stdout } = await runCli(['compare', '--mw', '341', '--offline']);
    expect(code).toBe(0);
    for (const label of [
      'Mining',
      'AI lease',
      'GPU cloud',
      'Revenue ($/kWh of site)',
      'EBITDA ($/yr)',
      'Payback (years)',
    ]) {
      expect(stdout).toContain(label);
    }
    const tableLines = stdout.split('\n').filter((l) => /[│┌└├]/.test(l));
    expect(tableLines.length).toBeGreaterThan(10);
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(100);
    expect(stdout).toContain('0.089'); // mining $/kWh, see working above
    expect(stdout).toContain('0.145'); // lease $/kWh
    expect(stdout).toContain('embedded snapshot of 2026-01-12'); // the fees'
    expect(stdout).toContain('embedded monthly closes, close at 2026-08-01'); // the price's
    // The verdict ranks by NPV over the horizon (which option leads is the JSON tests' business), says it is
    // too close to call when a driver in its plausible range flips it (the default: the GPU-hour price, 5%
    // below today's) and how much of an NPV is residual value when that is more than half of it.
    expect(stdout.replace(/\s+/g, ' ')).toMatch(
      /Too close to call over 5 years: (the AI lease|the GPU cloud|keeping mining) leads (the AI lease|the GPU cloud|keeping mining) by \$[\d.]+[MB], but .*the GPU-hour price at \$[\d.]+\/GPU-h \(now \$2\.65\/GPU-h; plausible \$2\.12\/GPU-h to \$3\.18\/GPU-h\) hands it to keeping mining/,
    );
    expect(stdout).toContain('NPV without residual');
    expect(stdout).toContain('pool fee 2.5%*');
    // Other mining opex by default ($8/MWh, Riot's other direct cost), marked as a default.
    expect(stdout.replace(/\s+/g, ' ')).toContain('other opex $8*/MWh');
    expect(stdout).not.toMatch(/NaN|Infinity/);
    expect(stdout).not.toContain('\u001b['); // no colour when stdout is not a TTY
  });

  it('states other mining opex in the footer when there is some', async () => {
    const { code, stdout } = await runCli(['mining', '--offline', '--mining-opex', '12.5']);
    expect(code).toBe(0);
    // The S21 XP's price (2025-11) is past its 365-day cadence at the test clock (2026-12-01): marked !.
    expect(stdout.replace(/\s+/g, ' ')).toContain('miners $25.7!/TH, other opex $12.5/MWh');
  });

  it('takes network overrides from flags and labels them as such', async () => {
    // At $100,000 and difficulty 150T, height 1,050,000 (subsidy 1.5625), fees 0:
    // 86400e15 / (150e12 x 2^32) x 1.5625 = 0.000209548 BTC/PH/day x 100,000 = $20.9548/PH/day
    const { code, stdout } = await runCli([
      'compare',
      '--offline',
      '--json',
      '--btc-price',
      '100k',
      '--difficulty',
      '150T',
      '--height',
      '1050000',
      '--fees-btc',
      '0',
    ]);
    expect(code).toBe(0);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.network?.hashpriceUsdPerPhDay).toBeCloseTo(20.9548, 3);
    expect(report.network?.source).toBe('flag');
    expect(report.network?.provenance.btcUsd.source).toBe('flag');
  });

  it('reads difficulty as 152.27T or 152.27e12 alike', async () => {
    const a = await runCli(['hashprice', '--offline', '--json', '--difficulty', '152.27T']);
    const b = await runCli(['hashprice', '--offline', '--json', '--difficulty', '152.27e12']);
    expect(JSON.parse(a.stdout).difficulty).toBe(152.27e12);
    expect(JSON.parse(b.stdout).difficulty).toBe(152.27e12);
  });

  it('fills a mixed fleet: counted models as given, uncounted models share the rest', async () => {
    // 10 MW / 1.05 = 9,523,810 W IT; 1000 S21 XP draw 3,645,000 W; the rest 5,878,810 W / 3441 W = 1708 M60S
    const { code, stdout, stderr } = await runCli([
      'mining',
      '--mw',
      '10',
      '--offline',
      '--json',
      '--miner',
      's21xp:1000',
      '--miner',
      'M60S',
    ]);
    expect(code, stderr).toBe(0);
    const fleet = economicsOutputSchema.parse(JSON.parse(stdout)).options[0]?.fleet;
    expect(fleet?.map((f) => [f.name, f.units])).toEqual([
      ['Antminer S21 XP', 1000],
      ['Whatsminer M60S', 1708],
    ]);
  });

  it('accepts percent or fraction for fractions', async () => {
    const a = JSON.parse((await runCli(['mining', '--offline', '--json', '--pool-fee', '2%'])).stdout);
    const b = JSON.parse((await runCli(['mining', '--offline', '--json', '--pool-fee', '0.02'])).stdout);
    expect(a.assumptions.poolFee).toBe(0.02);
    expect(a.options[0].revenueUsdPerYear).toBe(b.options[0].revenueUsdPerYear);
  });
});
