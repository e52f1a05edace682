// No file of src imports itself through others: a cycle makes load order matter and hides which
// layer a file belongs to. Imports are read with the TypeScript and Svelte parsers; type-only
// imports are left out, because they vanish at build time and cannot make a load-order cycle.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { evaluationOrder } from './lib/engine/graph';

const SRC = resolve(__dirname);
const LIB = join(SRC, 'lib');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The specifiers a script imports or re-exports values from (type-only imports left out). */
function valueImports(code: string, fileName: string): string[] {
	const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
	const found: string[] = [];
	for (const node of source.statements) {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			const clause = node.importClause;
			const typeOnly =
				clause !== undefined &&
				(clause.isTypeOnly ||
					(clause.name === undefined &&
						clause.namedBindings !== undefined &&
						ts.isNamedImports(clause.namedBindings) &&
						clause.namedBindings.elements.length > 0 &&
						clause.namedBindings.elements.every((e) => e.isTypeOnly)));
			if (!typeOnly) found.push(node.moduleSpecifier.text);
		} else if (
			ts.isExportDeclaration(node) &&
			!node.isTypeOnly &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			found.push(node.moduleSpecifier.text);
		}
	}
	return found;
}

function scriptsOf(path: string): string {
	const code = readFileSync(path, 'utf8');
	if (!path.endsWith('.svelte')) return code;
	const ast = parse(code, { modern: true });
	return (
		[ast.module, ast.instance]
			.filter((s) => s != null)
			// Svelte's parser gives each script's Program acorn's offsets, which estree's types omit.
			.map((s) => s.content as unknown as { start: number; end: number })
			.map(({ start, end }) => code.slice(start, end))
			.join('\n')
	);
}

function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('$lib/')) base = join(LIB, specifier.slice(5));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return null; // a package: outside the graph
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/** Each import cycle as its files, sorted (the engine's loop finder, over file indices). */
function cycles(graph: Map<string, string[]>): string[][] {
	const files = [...graph.keys()];
	const indexOf = new Map(files.map((f, i) => [f, i]));
	const { loops } = evaluationOrder(
		files.map((_, i) => i),
		(i) => (graph.get(files[i]) ?? []).flatMap((t) => indexOf.get(t) ?? [])
	);
	return loops.map((loop) => loop.map((i) => files[i]).sort());
}

describe('import cycles', () => {
	it('no file of src reaches itself through value imports', () => {
		const graph = new Map<string, string[]>();
		for (const file of sourceFiles(SRC)) {
			const targets = valueImports(scriptsOf(file), file)
				.map((s) => resolveImport(file, s))
				.filter((t): t is string => t !== null);
			graph.set(file, targets);
		}
		expect(graph.size).toBeGreaterThan(200);
		const named = cycles(graph).map((c) => c.map((f) => relative(SRC, f)));
		expect(named).toEqual([]);
	});

	it('finds a cycle when there is one, and ignores type-only imports', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']]
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
		expect(cycles(new Map([['self', ['self']]]))).toEqual([['self']]);
		expect(
			valueImports(
				"import type { A } from './a';\nimport { type B } from './b';\nimport { c } from './c';\nexport * from './d';",
				'x.ts'
			)
		).toEqual(['./c', './d']);
	});
});
