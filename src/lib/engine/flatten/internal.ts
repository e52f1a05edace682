/**
 * Variables that flattening makes up (a macro call's copy of the macro's variables) run like any
 * other but are not the modeller's: the compiler leaves them out of the results and the levers.
 * The mark is a symbol, so it survives the copies later passes make ({ ...variable }) and never
 * reaches a saved document.
 */
import type { Variable } from '../../model/types';

const INTERNAL = Symbol('flowbook.flatten.internal');

export function markInternal<V extends Variable>(variable: V): V {
	(variable as V & { [INTERNAL]?: true })[INTERNAL] = true;
	return variable;
}

export function isInternal(variable: Variable): boolean {
	return (variable as Variable & { [INTERNAL]?: true })[INTERNAL] === true;
}

/** The equation flattening rewrites: a stock's initial value, a flow's or aux's equation. */
export function equationOf(variable: Variable): string | undefined {
	if (variable.kind === 'stock') return variable.initial;
	if (variable.kind === 'gf') return undefined;
	return variable.equation;
}

/** A copy with its equation replaced (a standalone graphical function has none). */
export function withEquation<V extends Variable>(variable: V, equation: string): V {
	if (variable.kind === 'stock') return { ...variable, initial: equation };
	if (variable.kind === 'gf') return variable;
	return { ...variable, equation };
}

/** A conveyor's settings that are equations, for the passes that rewrite equations. */
export const CONVEYOR_SETTINGS = [
	'transitTime',
	'capacity',
	'inflowLimit',
	'sample',
	'arrest'
] as const;

/** A stock with each conveyor setting passed through `rewrite`; any other variable as it is. */
export function withConveyorRewritten<V extends Variable>(
	variable: V,
	rewrite: (source: string) => string
): V {
	if (variable.kind !== 'stock' || !variable.conveyor) return variable;
	const conveyor = { ...variable.conveyor };
	for (const key of CONVEYOR_SETTINGS) {
		const source = conveyor[key];
		if (typeof source === 'string' && source.trim()) conveyor[key] = rewrite(source);
	}
	return { ...variable, conveyor };
}
