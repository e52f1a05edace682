/**
 * The loops line of `npm run bench`: loop scores for a model (a traced run and the link and loop
 * scores of the loops kept) against its plain run, timed in alternation so load from other work
 * falls on both (target ≤ 2×), and what finding the loops costs on top, once per model.
 */
import { compileModel } from '../lib/engine';
import { analyseLoops } from '../lib/engine/loops';
import { loadModelFile } from './load-model';

export interface LoopsBench {
	case: string;
	n: number;
	method: string;
	ms: number;
	baselineMs: number | null;
	ratio: number | null;
}

export function timeLoops(
	path: string,
	runs: number,
	timePair: (
		a: () => unknown,
		b: () => unknown,
		runs: number,
		warmup: number
	) => { a: number; b: number; ratio: number }
): LoopsBench[] {
	const loaded = loadModelFile(path);
	const compiled = compileModel(loaded.model);
	if (!compiled.ok) throw new Error(`${path}: does not compile`);
	const sim = compiled.simulation;
	const name = path.split('/').pop()!;
	const first = analyseLoops(sim);
	const loops = first.loops.map((l) => l.nodes);
	const pair = timePair(
		() => sim.run(),
		() => analyseLoops(sim, { loops }),
		runs,
		3
	);
	const row = { n: loaded.model.variables.length, method: loaded.model.simSpecs.method ?? 'euler' };
	const round = (x: number) => Math.round(x * 100) / 100;
	return [
		{
			...row,
			case: `loops ${name} (÷ run)`,
			ms: round(pair.b),
			baselineMs: round(pair.a),
			ratio: round(pair.ratio)
		},
		{
			...row,
			case: `loops discovery (${first.discovery.method}, ${first.discovery.candidates} found, ${loops.length} kept)`,
			ms: round(first.discovery.ms),
			baselineMs: null,
			ratio: null
		}
	];
}
