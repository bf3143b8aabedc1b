/** `config`: the config file and every input's effective value. Its help; the implementation (config.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'config',
  description:
    'Where the config file is, whether it is valid, and every input set by an env var or the file, with its origin',
  examples: [
    'npx hashcalc config',
    'npx hashcalc config --json | jq \'.inputs[] | select(.origin != "default")\'',
  ],
  more: 'Inputs are layered: flags > HASHCALC_* variables > a --scenario file > the config file > defaults. This lists what applies before any flag: a value from an env var or the config file names where it came from. An invalid config file is one line naming the file and the key, exit 2. The file: HASHCALC_CONFIG, else $XDG_CONFIG_HOME/hashcalc/config.json (~/.config/hashcalc/config.json); its keys are those of a scenario (hashcalc init writes an example).',
  load: async () => (await import('./config.js')).runConfig,
};
