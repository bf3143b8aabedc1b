/** Colour for human output. chalk is loaded only when colour is on. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  heading(text: string): string;
  /** Whether colour is on (charts colour their series). */
  color: boolean;
}

const plain: Style = {
  bold: (t) => t,
  dim: (t) => t,
  good: (t) => t,
  bad: (t) => t,
  heading: (t) => t,
  color: false,
};

export async function loadStyle(level: 0 | 1 | 2 | 3): Promise<Style> {
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    good: (t) => chalk.green(t),
    bad: (t) => chalk.red(t),
    heading: (t) => chalk.bold.cyan(t),
    color: true,
  };
}
