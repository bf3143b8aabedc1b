/** `check`: threshold rules for CI. Its help, examples and arguments; the implementation (check.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'check',
  description: 'Evaluate threshold rules on the compare figures: exit 0 all pass, 3 any breached (for CI)',
  examples: [
    'npx hashcalc check --min-hashprice 40',
    'npx hashcalc check --mw 341 --min-ratio ai-lease/mining:2 --format markdown >> "$GITHUB_STEP_SUMMARY"',
    "npx hashcalc check --assert 'options.gpu-cloud.paybackYears < 4 and network.hashpriceUsdPerPhDay > 30'",
    'npx hashcalc check --scenario site.json --json',
  ],
  more: "Metrics (paths for --assert): network.<field> (hashpriceUsdPerPhDay, btcUsd, difficulty, ...), site.mw, assumptions.<input>, options.<mining|ai-lease|gpu-cloud>.<field> (revenueUsdPerKwh, ebitdaUsdPerYear, paybackYears, breakevens.powerUsdPerKwh, ...): see 'hashcalc compare --json'. Operators: + - * / < <= > >= == != and or not, parentheses, 2.5% for 0.025. A null metric (e.g. payback never reached) makes a comparison fail.",
  load: async () => (await import('./check.js')).runCheck,
};
