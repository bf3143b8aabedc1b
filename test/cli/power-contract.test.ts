/** The power contract's flags (issue 23, "Power contracts"), in-process: the JSON they change and bad inputs. */
import { describe, expect, it } from 'vitest';
import { runCli, usageStderr } from './run-cli.js';

type Option = { id: string; npvUsd: number; energyUsd: number; gridChargesUsd: number };
const project = async (args: string[]) => {
  const { code, stdout, stderr } = await runCli(['project', '--json', '--offline', '--mw', '341', ...args]);
  expect(stderr).not.toMatch(/Error/);
  expect(code).toBe(0);
  const doc = JSON.parse(stdout) as { options: Option[]; assumptions: Record<string, unknown> };
  return { doc, option: (id: string) => doc.options.find((o) => o.id === id) as Option };
};

describe('the power contract on the command line', () => {
  it('transmission charges: a firm load pays all of them, mining its --mining-peak-share', async () => {
    const { doc, option } = await project(['--transmission-charge', '100', '--mining-peak-share', '0.1']);
    // 341,000 kW x $100 / 12 a month; the AI options mine for their 12 build months, then are firm.
    const month = (341_000 * 100) / 12;
    expect(option('mining').gridChargesUsd).toBeCloseTo(month * 0.1 * 60, 2);
    expect(option('gpu-cloud').gridChargesUsd).toBeCloseTo(month * (0.1 * 12 + 48), 2);
    expect(doc.assumptions).toMatchObject({ transmissionChargeUsdPerKwYear: 100, miningPeakShare: 0.1 });
  });

  it('an escalator raises the energy bills and nothing else', async () => {
    const flat = await project([]);
    const escalated = await project(['--power-escalator', '3%']);
    expect(escalated.option('gpu-cloud').energyUsd).toBeGreaterThan(flat.option('gpu-cloud').energyUsd);
    expect(escalated.option('gpu-cloud').gridChargesUsd).toBe(0);
    expect(escalated.doc.assumptions.powerEscalatorPerYear).toBe(0.03);
  });

  const bad: [string[], RegExp][] = [
    [['--power-escalator', '2'], /--power-escalator: expected a yearly step from -50% to 50%/],
    [['--take-or-pay', '1.5'], /--take-or-pay: expected a fraction from 0 to 1/],
    [['--demand-charge', '-1'], /--demand-charge: expected USD per kW-month/],
    [['--transmission-charge', 'lots'], /--transmission-charge: expected USD per kW-year/],
    [['--mining-peak-share', '2'], /--mining-peak-share: expected a fraction/],
    [['--power-fixed-until', '2027-13'], /--power-fixed-until: expected a calendar month YYYY-MM/],
    [['--power-market-price', '0.06'], /--power-market-price: needs --power-fixed-until/],
  ];
  for (const [args, message] of bad)
    it(`${args.join(' ')}: one line, exit 2`, async () => {
      const stderr = usageStderr(await runCli(['project', '--offline', ...args]));
      expect(stderr).toMatch(message);
    });

  it("a flag the command does not use: exit 2 (today's economics take no contract)", async () => {
    const { code, stderr } = await runCli(['mining', '--offline', '--take-or-pay', '0.5']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--take-or-pay: not used by 'mining'/);
  });
});
