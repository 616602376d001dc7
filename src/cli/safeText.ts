/**
 * Makes text inert for a terminal: control characters (C0 but tab and newline, DEL, C1), and
 * bidirectional overrides and isolates are written as visible `\u{…}`-style escapes, so a name in
 * a plan from a pull request cannot forge lines, move the cursor, reset a CI terminal or make
 * one name display as another (CVE-2021-42574, "Trojan Source").
 *
 * In JSON output the escape `\u202e` inside a string is itself valid JSON for the same character,
 * so the same filter keeps JSON parseable and equal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function inertText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
