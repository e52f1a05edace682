/**
 * `sweep --sensitivity`: the settings of the notebook's first sensitivity cell as a sweep's
 * defaults (what it varies and how, its runs as samples, its seed, its outputs), with the page's
 * own default when the cell names no parameter: the notebook's first lever over its range.
 */
import { InputError } from '../../lib/model/diagnostics';
import { findVariable } from '../../lib/model/lookup';
import type { FlowbookDocument, Model } from '../../lib/model/types';
import { DEFAULT_RUNS, DEFAULT_SEED, defaultDistribution } from '../../lib/notebook/sensitivity';
import type { Vary } from './vary';

export interface SweepDefaults {
	varies: Vary[];
	samples: number;
	seed: number;
	outputs: string[];
}

/** A variable id or name as the engine's overrides and outputs name it: its display name. */
function nameOf(model: Model, idOrName: string): string {
	return findVariable(model, idOrName)?.name ?? idOrName;
}

export function sensitivitySettings(document: FlowbookDocument, file: string): SweepDefaults {
	const cell = document.cells.find((c) => c.kind === 'sensitivity');
	if (!cell || cell.kind !== 'sensitivity')
		throw new InputError(`--sensitivity: ${file} has no sensitivity cell`);
	const { model } = document;
	let varies: Vary[];
	if (cell.parameters?.length) {
		varies = cell.parameters.map((p) => ({
			name: nameOf(model, p.variable),
			distribution: p.distribution
		}));
	} else {
		const lever = document.levers[0];
		if (!lever)
			throw new InputError(
				`--sensitivity: the sensitivity cell of ${file} names no parameter and the notebook has no lever`
			);
		varies = [{ name: nameOf(model, lever.variable), distribution: defaultDistribution(0, lever) }];
	}
	return {
		varies,
		samples: cell.runs ?? DEFAULT_RUNS,
		seed: cell.seed ?? DEFAULT_SEED,
		outputs: cell.outputs.map((o) => nameOf(model, o))
	};
}
