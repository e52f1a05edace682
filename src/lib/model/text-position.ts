/** Where an offset of a file's text is, as an editor shows it, for messages that point into it. */

export interface TextPosition {
	/** 1-based. */
	line: number;
	/** 1-based, in characters from the start of the line. */
	column: number;
}

/**
 * Line and column of each offset of a text, found by a binary search of its line starts.
 * CRLF, CR and LF each end one line, as XML and every editor count them.
 */
export function positionFinder(text: string): (offset: number) => TextPosition {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
		if (c === 10 || c === 13) starts.push(i + 1);
	}
	return (offset) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: offset - starts[low] + 1 };
	};
}
