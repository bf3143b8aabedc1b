/** `report`: the board report, one self-contained HTML file. Its help and arguments; report.ts loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'report',
  description:
    'The board report: one self-contained HTML file (the decision, the options, the best plan, cash, the tornado, the network, the sources), printable to PDF',
  examples: [
    'npx hashcalc report --mw 341 --out site-report.html',
    'npx hashcalc report --mw 341 --years 10 --simulations 20000 --out site-report.html',
    'npx hashcalc report --mw 341 --range lease-escalator=0:3% --data days.csv --out site-report.html',
    'npx hashcalc report --mw 341 --plan lease:150@12,gpu:50@30 --sell-per-mw 6.9M --out site-report.html',
    'chromium --headless --no-pdf-header-footer --print-to-pdf=site-report.pdf site-report.html',
  ],
  more: "The file takes every input of `project`, the tornado's ranges of `sensitivity` (--swing, --range) and the daily file of `history` (--data, for the hashprice history; else the embedded monthly series); it runs the search of `strategy` for the best plan (its NPV frontier against the AI share and the value of waiting), and needs no network, script or font to be read: inline CSS and SVG charts, links to every figure's public source. Print it from a browser (A4 or Letter) for a PDF. --out - writes it to stdout.",
  load: async () => (await import('./report.js')).runReport,
};
