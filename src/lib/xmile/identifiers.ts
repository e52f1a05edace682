/**
 * How one XMILE element names another: a stock its flows, a connector its ends, a view its
 * variables. XMILE 1.0 §3.2.2.1: an identifier is letters, digits, `_` and `$` (and any
 * character above U+007F), not starting with a digit or `$`; spaces are written as `_`;
 * anything else goes in double quotes, where `\"`, `\\` and `\n` are the only escapes.
 */

/** Words that cannot be a bare identifier (§3.2.2.5): quoted, they can still name a variable. */
const RESERVED = new Set(['and', 'or', 'not', 'if', 'then', 'else', 'mod', 'std']);

const BARE = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_$\u0080-\uFFFF]*$/;

/**
 * A variable's own name attribute, and a view's name for it (as Stella writes both): the display
 * name, with a line break written `\n`.
 */
export function toNameAttribute(name: string): string {
	return name.replace(/\r\n?|\n/g, '\\n');
}

/** A display name as an equation or a reference writes it: `Heat Loss` → `Heat_Loss`. */
export function toReference(name: string): string {
	const underscored = name.trim().replace(/\s+/g, '_');
	const bare =
		BARE.test(underscored) &&
		!underscored.startsWith('_') &&
		!underscored.endsWith('_') &&
		!RESERVED.has(underscored.toLowerCase());
	if (bare) return underscored;
	const escaped = name.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
	return `"${escaped}"`;
}

/**
 * The name a reference means, quotes and escapes removed (`"Cost \"A\""` → `Cost "A"`).
 * Unquoted text is returned trimmed; callers compare names with canonicalName.
 */
export function fromReference(text: string): string {
	const t = text.trim();
	if (t.length < 2 || !t.startsWith('"') || !t.endsWith('"')) return t;
	return t.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}
