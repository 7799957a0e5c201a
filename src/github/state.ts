// State the main step hands to the post step (core.saveState / core.getState).

/** The run id whose containers and images the post step removes. */
export const RUN_ID_STATE = 'run-id';
