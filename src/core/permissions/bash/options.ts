/**
 * A small getopt-style scanner for the read-only checks: splits arguments into options (short
 * clusters expanded, `--long=value` split) and operands.
 */
import type { ShellWord } from './model';

export interface OptionSpec {
  /** Short options that take a value (`-o FILE` or `-oFILE`). */
  shortWithValue?: string;
  /** Long options that take a value as the next word when not written `--name=value`. */
  longWithValue?: readonly string[];
}

export interface ScannedOption {
  /** `-o` or `--output` (the name as written, before any `=`). */
  name: string;
  value: string | undefined;
  /** The word the value was taken from (the option's own word for `--x=v` and `-xv`). */
  word?: ShellWord;
}

export interface ScannedArgs {
  options: ScannedOption[];
  operands: ShellWord[];
}

export function scanArgs(args: readonly ShellWord[], spec: OptionSpec = {}): ScannedArgs {
  const options: ScannedOption[] = [];
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      const name = eq === -1 ? value : value.slice(0, eq);
      if (eq !== -1) options.push({ name, value: value.slice(eq + 1), word: args[i] });
      else if (spec.longWithValue?.includes(name)) {
        const word = args[++i] as ShellWord | undefined;
        options.push({ name, value: word?.value, word });
      }
      else options.push({ name, value: undefined });
      continue;
    }
    if (value.startsWith('-') && value.length > 1) {
      for (let k = 1; k < value.length; k++) {
        const flag = `-${value[k]}`;
        if (spec.shortWithValue?.includes(value[k])) {
          const rest = value.slice(k + 1);
          if (rest !== '') options.push({ name: flag, value: rest, word: args[i] });
          else {
            const word = args[++i] as ShellWord | undefined;
            options.push({ name: flag, value: word?.value, word });
          }
          break;
        }
        options.push({ name: flag, value: undefined });
      }
      continue;
    }
    operands.push(args[i]);
  }
  return { options, operands };
}

/**
 * Whether a long option as written could mean `full`: the exact name or an abbreviation of it
 * (GNU getopt_long and git accept any unambiguous prefix, e.g. `--out` for `--output`).
 */
export function couldMean(name: string, full: string): boolean {
  return name.startsWith('--') && name.length >= 3 && full.startsWith(name);
}

/** The first option that could mean one of `dangerous` (long names, or `-x` short names). */
export function findDangerous(options: readonly ScannedOption[], dangerous: readonly string[]): string | null {
  for (const option of options) {
    for (const name of dangerous) {
      if (name.startsWith('--') ? couldMean(option.name, name) : option.name === name) return option.name;
    }
  }
  return null;
}

/**
 * A word whose value could start with `-` once the shell expands it: an expansion, or a glob
 * that begins with a wildcard (a file named `--output=x` would match `*`).
 */
export function couldInjectOption(word: ShellWord): boolean {
  if (!word.static) return !word.values || word.values.some(couldInjectOption) || word.values.some((value) => value.value.startsWith('-'));
  return word.glob && /^[*?[]/.test(word.value);
}
