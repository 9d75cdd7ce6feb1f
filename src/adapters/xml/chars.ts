/** The character codes the XML scanners look for. */
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const QUOTE = 34;
export const APOS = 39;
