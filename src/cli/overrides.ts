/**
 * `--set name=value` overrides, kept in a Map: a plain object would turn `--set __proto__=9` into
 * a prototype assignment and drop it without a word, where a Map keeps it as a name the engine
 * then refuses ("there is no constant called …").
 *
 *   const parsed = parseOverrides(['Room Temperature=20']);
 *   if (parsed.ok) simulation.run({ overrides: withScenario(scenario?.overrides, parsed.overrides) });
 */

export type OverridesResult =
	{ ok: true; overrides: Map<string, number> } | { ok: false; message: string };

export function parseOverrides(items: readonly string[]): OverridesResult {
	const overrides = new Map<string, number>();
	for (const item of items) {
		// The last `=`: a quoted name may hold one, a number never does.
		const eq = item.lastIndexOf('=');
		const name = item.slice(0, eq).trim();
		if (eq < 0 || name === '')
			return { ok: false, message: `--set needs name=value, not "${item}"` };
		const text = item.slice(eq + 1);
		const value = Number(text);
		if (text.trim() === '' || !Number.isFinite(value))
			return { ok: false, message: `--set ${name}= needs a number, not "${text}"` };
		overrides.set(name, value);
	}
	return { ok: true, overrides };
}

/** A scenario's overrides with the command line's on top (the command line wins). */
export function withScenario(
	scenario: Readonly<Record<string, number>> | undefined,
	sets: ReadonlyMap<string, number>
): Map<string, number> {
	return new Map([...Object.entries(scenario ?? {}), ...sets]);
}
