/** The game release written into every save, so a save made under other rules can say which. */
export const APP_VERSION = '0.1.0';
