/** A recipe: one published package at an exact version, and which of its files a fixture project gets. */
export interface Recipe {
  package: string;
  /** An exact version (`4.1.0`), never a range. */
  version: string;
  /** The tarball's `sha512-…` integrity, checked after download. */
  integrity: string;
  /** The folder of the project the package's files are copied into. */
  into: string;
  /** Package paths (files or folders); a `*` in the last part matches files of that folder. */
  files: string[];
  /** Files of `files` published as TypeScript's CommonJS output, given an ESM export list. */
  esm: string[];
}
/** fixtures/recipes: one folder per recipe. */
export const RECIPES: string;
export function recipeCache(): string;
export function readRecipe(name: string): Recipe;
export function installedPackage(recipe: Recipe): string;
export function commonjsExportsToEsm(text: string, label: string): string;
export function materializeRecipe(name: string, dir: string): Recipe;
