/**
 * The scenario a new game starts with unless the player picks another: the title screen's
 * preselected chapter, and `?play` links without one. The build's head script preloads a
 * `?play` link's scenario, this one when the link names none (vite.config.ts,
 * preloadMapChunks), so it is read here by both.
 */
export const DEFAULT_SCENARIO = 'independence-1991';
