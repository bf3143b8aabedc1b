/** `strategy`: the best plan. Its help, examples and arguments; the implementation (strategy.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'strategy',
  description:
    'The best plan: how much of the site to convert, to which AI option, in how many phases and when (NPV)',
  examples: [
    'npx hashcalc strategy --mw 341',
    'npx hashcalc strategy --mw 341 --years 10 --tax-rate 21%',
    "npx hashcalc strategy --mw 341 --json | jq '.best | {text, npvUsd, npvVsMiningUsd}'",
    'npx hashcalc strategy --mw 341 --years 10 --simulations 10000',
    'npx hashcalc strategy --mw 341 --format csv > frontier.csv',
    'npx hashcalc strategy --mw 341 --sell-per-mw 6.9M',
    'npx hashcalc strategy --mw 341 --format xlsx > strategy.xlsx',
  ],
  more: 'The grid: the AI share of the site from 0 to 100% in steps of 10%, one or two tranches, each an AI lease or a GPU cloud (--plan names them lease and gpu), each build starting every 6 months from today, in month 12 or in the first month after the halving, and going live --conversion-months later within the horizon. Each (option, go-live) is projected once for the whole site and scaled by its MW. Reports the best plan (try it with project --plan), the best per option, the NPV frontier against the AI share, the value of waiting (the best plan that starts after the halving or in a year against the best that starts now) and whether a decisive driver in its plausible range changes the best plan against keeping mining. With --simulations N: the five best plans on the Monte Carlo of project --simulations (the same paths for the same --seed), ranked by mean NPV with the chance each beats keeping mining.',
  load: async () => (await import('./strategy.js')).runStrategy,
};
