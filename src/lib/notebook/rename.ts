/**
 * Renaming a variable in equations. Names are found by the parser's token positions, never by a
 * pattern over the text, so renaming "Beds" leaves "Beds_free" and a comment mentioning Beds alone.
 */
import { parseEquation } from '../engine/parse/parser';
import { tokenize } from '../engine/parse/lexer';
import type { Expr, Span } from '../engine/parse/ast';
import { canonicalName } from '../model/names';
import type { Model, Variable } from '../model/types';

/** How a display name is written in an equation: underscores for spaces, quoted when it must be. */
export function equationName(name: string): string {
	const written = name.trim().replace(/\s+/g, '_');
	return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(written)
		? written
		: `"${written.replace(/"/g, '\\"')}"`;
}

/** The spans of every name (variables and called functions) in an equation, with their canonical form. */
export function nameSpans(equation: string): Array<Span & { canonical: string }> {
	try {
		const spans: Array<Span & { canonical: string }> = [];
		const walk = (e: Expr): void => {
			switch (e.type) {
				case 'name':
					spans.push({ start: e.start, end: e.end, canonical: e.canonical });
					return;
				case 'call':
					spans.push({ ...e.nameSpan, canonical: e.canonical });
					e.args.forEach(walk);
					return;
				case 'unary':
					return walk(e.arg);
				case 'binary':
					walk(e.left);
					return walk(e.right);
				case 'if':
					walk(e.cond);
					walk(e.then);
					return walk(e.else);
				case 'subscript':
					walk(e.target);
					return e.indices.forEach(walk);
				case 'transpose':
					return walk(e.arg);
			}
		};
		walk(parseEquation(equation));
		return spans;
	} catch {
		// An equation that does not parse yet still has names the user meant: take them from the tokens.
		try {
			return tokenize(equation)
				.filter((t) => t.kind === 'name')
				.map((t) => ({ start: t.start, end: t.end, canonical: canonicalName(t.text) }));
		} catch {
			return [];
		}
	}
}

/** The equation with every use of `from` (any spelling) written as `to`. */
export function renameInEquation(equation: string, from: string, to: string): string {
	const wanted = canonicalName(from);
	const replacement = equationName(to);
	const spans = nameSpans(equation)
		.filter((s) => s.canonical === wanted)
		.sort((a, b) => b.start - a.start);
	let out = equation;
	for (const s of spans) out = out.slice(0, s.start) + replacement + out.slice(s.end);
	return out;
}

function renameIn(v: Variable, from: string, to: string): Variable {
	// An arrayed variable defined element by element uses the name in its elements' own equations.
	const elements = v.elements?.map((e) =>
		e.equation === undefined ? e : { ...e, equation: renameInEquation(e.equation, from, to) }
	);
	const withElements = elements ? { ...v, elements } : v;
	if (v.kind === 'stock')
		return { ...withElements, initial: renameInEquation(v.initial, from, to) } as Variable;
	if (v.kind === 'gf') return withElements;
	return { ...withElements, equation: renameInEquation(v.equation, from, to) } as Variable;
}

/** The model with one variable renamed, and every equation that used it following. */
export function renameVariable(model: Model, id: string, newName: string): Model {
	const target = model.variables.find((v) => v.id === id);
	if (!target || !newName.trim()) return model;
	const from = target.name;
	const renamed: Model = {
		...model,
		variables: model.variables.map((v) => {
			const renamed = renameIn(v, from, newName);
			return v.id === id ? { ...renamed, name: newName.trim() } : renamed;
		})
	};
	// A module input connected to the variable follows it too.
	if (model.modules) {
		const wanted = canonicalName(from);
		renamed.modules = model.modules.map((m) => ({
			...m,
			connections: m.connections.map((c) => ({
				to:
					c.to.startsWith('.') && canonicalName(c.to.slice(1)) === wanted
						? `.${newName.trim()}`
						: c.to,
				from: canonicalName(c.from) === wanted ? newName.trim() : c.from
			}))
		}));
	}
	return renamed;
}
