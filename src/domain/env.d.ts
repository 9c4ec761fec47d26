/**
 * The few platform globals domain code may use: present alike in Node, Web Workers and pages.
 * Declared here because the domain config has no DOM lib (so nothing else of the DOM leaks in).
 * The root config excludes this file and uses the DOM's own declarations.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
