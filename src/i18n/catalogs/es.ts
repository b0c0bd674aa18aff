import type { Catalog } from '../catalog.js';
export const es: Catalog = {} as Catalog;
