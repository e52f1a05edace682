import { canonicalName } from '../../model/names';
import { arrayBuiltins } from './arrays';
import { delayBuiltins } from './delays';
import { financeBuiltins } from './finance';
import { inputBuiltins } from './inputs';
import { mathBuiltins } from './math';
import { memoryBuiltins } from './memory';
import { randomBuiltins } from './random';
import { smoothBuiltins } from './smooths';
import { vectorBuiltins } from './vectors';
import type { Builtin } from './types';

export type { Builtin, PureBuiltin, ExpandingBuiltin, ExpandContext } from './types';

/** Every builtin function, for the compiler, autocomplete and documentation. */
export const BUILTINS: readonly Builtin[] = [
	...mathBuiltins,
	...arrayBuiltins,
	...inputBuiltins,
	...delayBuiltins,
	...smoothBuiltins,
	...memoryBuiltins,
	...financeBuiltins,
	...randomBuiltins,
	...vectorBuiltins
];

const byName = new Map<string, Builtin>();
for (const b of BUILTINS)
	for (const n of [b.name, ...(b.aliases ?? [])]) byName.set(canonicalName(n), b);

export function findBuiltin(name: string): Builtin | undefined {
	return byName.get(canonicalName(name));
}

/**
 * Names that read a property of the run rather than a variable. Vensim's names are accepted
 * too (xmutil writes them), but a model variable of the same name wins.
 */
export const RUN_CONSTANTS: ReadonlyMap<string, 'time' | 'dt' | 'start' | 'stop'> = new Map([
	['time', 'time'],
	['dt', 'dt'],
	['time_step', 'dt'],
	['starttime', 'start'],
	['initial_time', 'start'],
	['stoptime', 'stop'],
	['final_time', 'stop']
]);

/**
 * Table lookups take a graphical function's name as their first argument: LOOKUP reads it as
 * the table says; Vensim's LOOKUP FORWARD and LOOKUP BACKWARD take the y of the next point at
 * or after the input, or of the last point at or before it, without interpolating.
 */
export const LOOKUP_NAMES: ReadonlyMap<string, 'lookup' | 'lookupForward' | 'lookupBackward'> =
	new Map([
		['lookup', 'lookup'],
		['lookup_forward', 'lookupForward'],
		['lookup_backward', 'lookupBackward']
	]);
