// Copies what tsc does not: node icons and node JSON files, next to the built nodes and credentials.
const { src, dest } = require('gulp');

function copyStatic() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyStatic;
exports.default = copyStatic;
