/**
 * What a loops cell shows, from the worker's answer (worker/protocol LoopsReply): the loops
 * through its output, the strongest first, the dominant one in each phase of the run, a sentence
 * per phase in the notebook's display time, and the variables of a loop as diagram ids.
 */
import { dominancePhases, phaseSentence, type Phase } from '../engine/loops';
import { canonicalName } from '../model/names';
import { findVariable } from '../model/lookup';
import type { FlowbookDocument } from '../model/types';
import type { LoopSummary } from '../worker/protocol';
import { displayTime } from './results';

export interface LoopsView {
	/** The loops through the output: the strongest `count`, and any that dominates a phase. */
	loops: LoopSummary[];
	phases: Phase[];
	sentence: string;
	/** Index in `loops` of the loop dominant for longest, or −1. */
	dominant: number;
	/** Times in display units. */
	times: Float64Array;
}

/** Whether a loop passes through `output` (any element of it, when it is arrayed). */
export function passesThrough(loop: LoopSummary, output: string): boolean {
	const key = canonicalName(output);
	return loop.variables.some((v) => {
		const c = canonicalName(v);
		return c === key || c.startsWith(`${key}[`);
	});
}

export function loopsView(
	document: FlowbookDocument,
	time: Float64Array,
	all: readonly LoopSummary[],
	output: string,
	count: number
): LoopsView {
	const { perUnit, unit } = displayTime(document);
	const times = time.map((t) => t / perUnit);
	const name = findVariable(document.model, output)?.name ?? output;
	// Phases among every loop through the output; shown are the strongest `count` and any loop
	// that dominates a phase, so the sentence and the chart tell the same story.
	const through = all.filter((l) => passesThrough(l, name));
	const allPhases = dominancePhases(
		times,
		through.map((l) => l.relativeScore)
	);
	const leading = new Set(allPhases.map((p) => p.loop).filter((i) => i >= 0));
	const kept = through.flatMap((_, i) => (i < count || leading.has(i) ? [i] : []));
	const loops = kept.map((i) => through[i]);
	const phases = allPhases.map((p) => ({ ...p, loop: p.loop < 0 ? -1 : kept.indexOf(p.loop) }));
	const sentence = phaseSentence(phases, loops, name, unit === 'time' ? '' : unit);
	const span = new Map<number, number>();
	for (const p of phases)
		if (p.loop >= 0) span.set(p.loop, (span.get(p.loop) ?? 0) + p.to - p.from);
	let dominant = -1;
	for (const [loop, length] of span)
		if (dominant < 0 || length > span.get(dominant)!) dominant = loop;
	return { loops, phases, sentence, dominant, times };
}

/** The diagram ids of a loop's variables ("Beds[North]" is the variable Beds). */
export function loopVariableIds(document: FlowbookDocument, loop: LoopSummary): string[] {
	const ids = loop.variables.flatMap((name) => {
		const bare = name.replace(/\[[^\]]*\]$/, '');
		const found = findVariable(document.model, bare);
		return found ? [found.id] : [];
	});
	return [...new Set(ids)];
}

/** A loop's share over the run in words: "reinforcing, up to 62% of the change". */
export function loopShare(loop: LoopSummary): string {
	let peak = 0;
	for (const x of loop.relativeScore) peak = Math.max(peak, Math.abs(x));
	return `${loop.polarity === 'R' ? 'reinforcing' : 'balancing'}, up to ${Math.round(peak * 100)}% of the change`;
}
