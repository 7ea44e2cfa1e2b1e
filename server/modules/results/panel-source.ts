// The panel scores this module integrates, read through the panel module's service only
// (server/modules/panel-scores/panel-scores.service.ts, the contract agreed with its engineer).
import type { Db } from '../../db/client.js';
import { panelRows, panelStageScores, panelStageScoresFromSheets, type PanelStageScores } from '../panel-scores/panel-scores.service.js';

export type { PanelStageScores };
export { panelRows };

export type PanelScoresReader = (db: Db, options: { agencyId: string; selectionId: string; stageKey: string }) => Promise<PanelStageScores>;

/** The reader the application uses (tests and the integrity check use the same). */
export const panelScoresReader: PanelScoresReader = panelStageScores;

/** The integrity check's reader: locked scores recomputed from the assessors' own scores (audited corrections kept). */
export const panelScoresFromSheetsReader: PanelScoresReader = panelStageScoresFromSheets;
