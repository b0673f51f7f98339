export * from './enums';
export * from './hlc';
export * from './ids';
export * from './merge';
export * from './messages';
export * from './records';
export * from './auth';
export * from './pull-columns';
