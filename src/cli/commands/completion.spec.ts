/** `completion`: shell completion scripts. Its help, examples and arguments; the implementation (completion.ts) loads on use. */
import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'completion',
  description: 'Print a shell completion script: bash, zsh or fish',
  examples: [
    'eval "$(npx hashcalc completion bash)"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown to the user
    'npx hashcalc completion zsh > "${fpath[1]}/_hashcalc"',
    'npx hashcalc completion fish > ~/.config/fish/completions/hashcalc.fish',
  ],
  args: [{ name: '<shell>', description: 'bash, zsh or fish' }],
  load: async () => (await import('./completion.js')).runCompletion,
};
