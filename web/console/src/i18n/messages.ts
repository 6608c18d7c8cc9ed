/** The shape a translation must fill: every key of the English messages, each a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
