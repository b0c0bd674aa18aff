import type { Catalog } from '../catalog.js';
export const zhCN: Catalog = {} as Catalog;
