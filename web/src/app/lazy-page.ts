import { lazy } from 'react';
import type { ComponentType } from 'react';

/**
 * The styles of the Aksel components that only pages behind the login use (./page-styles.css):
 * the login page and the start page load none of them (issue 21). Loaded once, with the first
 * such page, before the page renders — so nothing is drawn unstyled.
 */
const pageStyles = () => import('./page-styles.css');

/** A page loaded when first opened, with the styles its components need. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), pageStyles()]);
    return { default: module[name] };
  });
}
