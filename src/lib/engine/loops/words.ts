/**
 * Loops in words. A loop named by its whole variable list is unreadable (model A's run to twenty
 * variables), so a loop is named by its most distinctive variable and the stocks it passes
 * through: "the Coping policy loop through Delayed discharges and Bed occupancy". Phases of
 * dominance become one sentence each: "Until day 180 the reinforcing loop R1 (…) dominates
 * Occupancy; after that the balancing loop B2 (…)".
 */
export interface NamedLoop {
	id: string;
	polarity: 'R' | 'B';
	/** User variables in causal order. */
	variables: string[];
	stocks: string[];
}

/**
 * Names for the loops: the variable of each loop that the fewest other listed loops share (its
 * flow when every variable is shared), then its stocks.
 */
export function loopNames(loops: readonly NamedLoop[]): string[] {
	const count = new Map<string, number>();
	for (const loop of loops)
		for (const v of new Set(loop.variables)) count.set(v, (count.get(v) ?? 0) + 1);
	return loops.map((loop) => {
		const stocks = new Set(loop.stocks);
		const others = loop.variables.filter((v) => !stocks.has(v));
		const key = [...others].sort((a, b) => count.get(a)! - count.get(b)!)[0];
		const through = stocksInWords(loop.stocks.map(readable));
		if (!key) return `the loop of ${through}`;
		return `the ${readable(key)} loop through ${through}`;
	});
}

/** Names written with underscores (model A's Home_Care_Clients) read as words. */
function readable(name: string): string {
	return name.replace(/_/g, ' ');
}

/** At most three stocks by name: a loop through twelve reads "A, B, C and 9 other stocks". */
function stocksInWords(stocks: readonly string[]): string {
	if (stocks.length <= 3) return listInWords(stocks);
	return `${stocks.slice(0, 3).join(', ')} and ${stocks.length - 3} other stocks`;
}

export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface Phase {
	/** Index of the dominant loop, or −1 where no loop is active. */
	loop: number;
	from: number;
	to: number;
}

/**
 * Spans of time over which one loop has the largest |relative score|; spans shorter than
 * `minShare` of the run are folded into the one before, so a blip at a crossing is not a phase.
 */
export function dominancePhases(
	time: ArrayLike<number>,
	relative: readonly ArrayLike<number>[],
	minShare = 0.03
): Phase[] {
	const phases: Phase[] = [];
	for (let r = 0; r < time.length; r++) {
		let best = -1;
		let size = 0;
		relative.forEach((series, i) => {
			const x = Math.abs(series[r]);
			if (x > size) {
				size = x;
				best = i;
			}
		});
		// The first row has no step before it: it belongs to whatever follows.
		if (r === 0) continue;
		const last = phases[phases.length - 1];
		if (last && last.loop === best) last.to = time[r];
		else phases.push({ loop: best, from: time[r - 1], to: time[r] });
	}
	const span = time.length > 1 ? time[time.length - 1] - time[0] : 0;
	const merged: Phase[] = [];
	for (const phase of phases) {
		const last = merged[merged.length - 1];
		if (last && (phase.to - phase.from < minShare * span || last.loop === phase.loop))
			last.to = phase.to;
		else merged.push({ ...phase });
	}
	// A short first phase joins the next.
	if (merged.length > 1 && merged[0].to - merged[0].from < minShare * span) {
		merged[1].from = merged[0].from;
		merged.shift();
	}
	return merged;
}

/** "Until day 180 the reinforcing loop R1 (…) dominates Occupancy; after that …". */
export function phaseSentence(
	phases: readonly Phase[],
	loops: readonly (NamedLoop & { name: string })[],
	output: string,
	timeUnit: string
): string {
	const when = (t: number) => `${timeUnit ? `${timeUnit} ` : 'time '}${formatTime(t)}`;
	const loopWords = (i: number) => {
		if (i < 0) return 'no loop';
		const loop = loops[i];
		return `the ${loop.polarity === 'R' ? 'reinforcing' : 'balancing'} loop ${loop.id} (${loop.name})`;
	};
	if (!phases.length || (phases.length === 1 && phases[0].loop < 0))
		return `No feedback loop through ${output} is active in this run.`;
	if (phases.length === 1)
		return `Throughout the run ${loopWords(phases[0].loop)} dominates ${output}.`;
	const parts = phases.map((phase, i) => {
		if (i === 0) return `Until ${when(phase.to)} ${loopWords(phase.loop)} dominates ${output}`;
		if (i === phases.length - 1) return `after that ${loopWords(phase.loop)}`;
		return `from ${when(phase.from)} to ${when(phase.to)} ${loopWords(phase.loop)}`;
	});
	return `${parts.join('; ')}.`;
}

function formatTime(t: number): string {
	return String(Math.round(t * 100) / 100);
}
