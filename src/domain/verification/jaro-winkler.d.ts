// Type declaration for the `jaro-winkler` package (CommonJS, ships no types).
declare module 'jaro-winkler' {
  function distance(a: string, b: string, options?: { caseSensitive?: boolean }): number;
  export = distance;
}
