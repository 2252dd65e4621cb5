export * from './table';
export * from './write-workbook';
export * from './sheet-grid';
export * from './read-sheet';
export * from './french-cells';
