// A test reporter that writes each test file's duration (its process, start to end) as the file completes;
// test/run.js reads the lines to name the slowest files.
export default async function* fileTimes(source) {
  for await (const event of source) {
    const { file, name, details } = event.data ?? {};
    if (event.type === 'test:complete' && file && name === file)
      yield `${Math.round(details?.duration_ms ?? 0)}\t${file}\n`;
  }
}
