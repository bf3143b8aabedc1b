/** What each option is called in tables, verdicts and documents. */
import type { OptionId } from '../core/units.js';

export const OPTION_LABELS: Record<OptionId, string> = {
  mining: 'Mining',
  'ai-lease': 'AI lease',
  'gpu-cloud': 'GPU cloud',
};
