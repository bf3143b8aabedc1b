/** What each option is called in tables, verdicts and documents. */
import type { OptionId } from '../core/units.js';

export const OPTION_LABELS: Record<OptionId, string> = {
  mining: 'Mining',
  'ai-lease': 'AI lease',
  'gpu-cloud': 'GPU cloud',
  sell: 'Sale',
};

/** An option in a sentence: "keeping mining", "selling the site", "the AI lease". */
export const optionName = (id: OptionId) =>
  id === 'mining' ? 'keeping mining' : id === 'sell' ? 'selling the site' : `the ${OPTION_LABELS[id]}`;
