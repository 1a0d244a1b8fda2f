// Deletion-case rules: pure functions shared by the extension and the server.
export * from './model.ts';
export * from './workflow.ts';
export * from './checklist.ts';
export * from './deadlines.ts';
export * from './minimise.ts';
export * from './verify.ts';
export {
  addBusinessDays,
  addCalendarDays,
  addCalendarMonths,
  formatCalendarDate,
  localDateOf,
  type CalendarDate,
} from './calendar.ts';
export * from './jurisdiction.ts';
