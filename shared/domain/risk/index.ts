// Domain: the risk engine's public surface.
export * from './assess.ts';
export * from './intelligence-score.ts';
export * from './model.ts';
export * from './positions.ts';
export * from './ratings.ts';
