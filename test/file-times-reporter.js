// A test reporter that writes JSON lines: one per test that ran (suites not counted, as in the summary) with its
// file, and one per test file with its duration (its process, start to end) and, when the file failed as a whole
// (its process ended badly after its tests), the last lines it wrote to stderr. test/run.js reads them to name
// the slowest files, to keep every file's test count for comparing runs, and to repeat those stderr lines last.
export default async function* fileTimes(source) {
  const stderr = new Map();
  for await (const event of source) {
    const { file, name, details, message } = event.data ?? {};
    if (!file) continue;
    if (event.type === 'test:stderr') stderr.set(file, [...(stderr.get(file) ?? []), message].slice(-40));
    if (name === file) {
      if (event.type !== 'test:complete') continue;
      const failed = details?.passed === false;
      yield `${JSON.stringify({ file, ms: Math.round(details?.duration_ms ?? 0), ...(failed ? { stderr: stderr.get(file) ?? [] } : {}) })}\n`;
    } else if ((event.type === 'test:pass' || event.type === 'test:fail') && details?.type !== 'suite') {
      yield `${JSON.stringify({ file, test: name })}\n`;
    }
  }
}
