// Types for the jaro-winkler package (0.2.x ships none): one function, similarity in [0, 1].
declare module 'jaro-winkler' {
  export default function distance(a: string, b: string, options?: { caseSensitive?: boolean }): number;
}
