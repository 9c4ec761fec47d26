/**
 * The Plan B engine, "room full, try this": planB() for one moment, and the parts it is made
 * of (lookups, topic model, likely-full guesses, stay-or-go), each usable on its own.
 */
export * from './engine';
