export * from './table';
export * from './write-workbook';
