/**
 * `--vary 'name=uniform(a,b)'`, `'name=normal(m,sd)'`, `'name=triangular(a,mode,b)'`: a constant
 * (or one element, `Beds[North]`, or a whole arrayed constant by its own name) and how it varies.
 * A bad one gets a message naming it and what is wrong.
 */
import type { Distribution } from '../../lib/model/types';
import { distributionProblem } from '../../lib/notebook/sensitivity';

export interface Vary {
	/** The constant as the engine's overrides name it. */
	name: string;
	distribution: Distribution;
}

export type VaryResult = { ok: true; vary: Vary } | { ok: false; message: string };

const SHAPES: Record<Distribution['kind'], string[]> = {
	uniform: ['a', 'b'],
	normal: ['m', 'sd'],
	triangular: ['a', 'mode', 'b']
};

function distribution(kind: Distribution['kind'], n: number[]): Distribution {
	switch (kind) {
		case 'uniform':
			return { kind, min: n[0], max: n[1] };
		case 'normal':
			return { kind, mean: n[0], sd: n[1] };
		case 'triangular':
			return { kind, min: n[0], mode: n[1], max: n[2] };
	}
}

export function parseVary(text: string): VaryResult {
	const form = `uniform(a,b), normal(m,sd) or triangular(a,mode,b)`;
	const match = /^(.*?)=\s*([a-z]+)\s*\((.*)\)\s*$/i.exec(text);
	if (!match || match[1].trim() === '')
		return { ok: false, message: `--vary needs name=${form}, not "${text}"` };
	const name = match[1].trim();
	const kind = match[2].toLowerCase() as Distribution['kind'];
	const fields = SHAPES[kind];
	if (!fields)
		return {
			ok: false,
			message: `--vary ${name}: "${match[2]}" is not a distribution; use ${form}`
		};
	const parts = match[3].split(',').map((s) => s.trim());
	if (parts.length !== fields.length)
		return {
			ok: false,
			message: `--vary ${name}: ${kind} takes ${fields.length} numbers (${kind}(${fields.join(',')})), not ${parts.length}`
		};
	const numbers = parts.map(Number);
	const bad = parts.findIndex((p, i) => p === '' || !Number.isFinite(numbers[i]));
	if (bad >= 0)
		return {
			ok: false,
			message: `--vary ${name}: ${fields[bad]} of ${kind}(${fields.join(',')}) must be a number, not "${parts[bad]}"`
		};
	const d = distribution(kind, numbers);
	const problem = distributionProblem(d);
	if (problem) return { ok: false, message: `--vary ${name}: ${problem}` };
	return { ok: true, vary: { name, distribution: d } };
}
