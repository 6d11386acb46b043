// Prints, through the real @actions/core, the annotation for each problem read as JSON on stdin:
// [{level, message, title, file, line, col}] → core.error / core.warning (tests/test_clients.py).
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

for (const a of JSON.parse(readFileSync(0, 'utf8'))) {
  const props = { title: a.title };
  if (a.file) props.file = a.file;
  if (a.line) props.startLine = a.line;
  if (a.col) props.startColumn = a.col;
  (a.level === 'error' ? core.error : core.warning)(a.message, props);
}
