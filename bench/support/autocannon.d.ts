// The part of autocannon's programmatic API the load generator uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections: number;
    duration: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    /** Replace `[<id>]` in the body with a new id in every request. */
    idReplacement?: boolean;
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }
  /** A run: a promise of its result that also tells of each answer as it comes. */
  interface Run extends PromiseLike<Result> {
    /** `milliseconds`: the request's time to its answer, to the nanosecond (the result's histogram keeps whole ms). */
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, milliseconds: number) => void,
    ): Run;
  }
  function autocannon(options: Options): Run;
  export default autocannon;
}
