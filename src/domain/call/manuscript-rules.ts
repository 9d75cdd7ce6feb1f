import type { ManuscriptFormat } from '../manuscript/model.js';

/** The part of a call that can be judged from the manuscript file alone. */
export interface ManuscriptRules {
  /** Formats accepted; .doc is read with an approximate count. */
  formats: ManuscriptFormat[];
  minSignes: number;
  maxSignes: number;
  /**
   * Relative margin near each edge of the window where the author is asked to re-check in Word
   * rather than being told they pass or fail (DESIGN.md: about 1 %).
   */
  edgeMargin: number;
}

export const SOCIOGRAPHE_81_MANUSCRIPT_RULES: ManuscriptRules = {
  formats: ['docx', 'docm', 'dotx', 'dotm', 'doc', 'odt'],
  minSignes: 5000,
  maxSignes: 30000,
  edgeMargin: 0.01,
};
