import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * zxcvbn with the common and English dictionaries (about 1.6 MB minified). Only
 * password-strength.ts loads this module, on first use; in Lambda it is built into its own
 * file beside the bundle (lib/password-checker.ts), so the functions that judge passwords do
 * not parse it at every cold start and the others never ship it.
 */
export function createPasswordChecker(): ZxcvbnFactory {
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
}
