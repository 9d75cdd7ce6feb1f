/** A value that survives JSON.stringify → JSON.parse unchanged (what the JSON columns hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };
