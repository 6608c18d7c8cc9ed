// A test reporter that writes a line (time, file) as each file starts and as each of its top-level tests ends,
// line by line as they happen (the run ends its processes when the tests have, so nothing waits for the end);
// test/run.js reads them to name the slowest files.
import { performance } from 'node:perf_hooks';
export default async function* fileTimes(source) {
  for await (const event of source) {
    const file = event.data?.file;
    const starts = event.type === 'test:dequeue' && event.data.name === file;
    const ends = (event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0;
    if (file && (starts || ends)) yield `${Math.round(performance.now())}\t${file}\n`;
  }
}
