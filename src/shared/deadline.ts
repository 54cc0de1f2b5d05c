/**
 * Appointment (hẹn trả) maths for dossiers: due moments over a working calendar and office
 * hours, clock stops for supplements and pauses, remaining working time and queue status.
 * The rules and their sources are in the headers of the files under ./deadline/.
 */
export { DeadlineError } from './deadline/deadline-error';
export {
  compareLocalDateTimes,
  formatClockTime,
  formatLocalDateTime,
  formatVietnameseDateTime,
  isValidLocalDateTime,
  localDateTimeFromEpochMs,
  localDateTimeToEpochMs,
  MINUTES_PER_DAY,
  parseLocalDateTime,
  VIETNAM_UTC_OFFSET_MINUTES,
  type LocalDateTime,
} from './deadline/local-date-time';
export {
  checkOfficeHours,
  DEFAULT_OFFICE_HOURS,
  isWithinOfficeHours,
  workingMinutesPerDay,
  type OfficeHours,
  type Session,
  type WorkingPeriod,
} from './deadline/office-hours';
export {
  checkProcessingTime,
  DEFAULT_SAME_DAY_CUTOFF,
  MAX_WORKING_DAYS,
  MAX_WORKING_HOURS,
  type ProcessingTime,
} from './deadline/processing-time';
export { computeDue, tryComputeDue, type ClockStop, type ClockStopEffect, type DueInput, type DueResult } from './deadline/due';
export {
  DEFAULT_SOON_WORKING_DAYS,
  queueStatus,
  remainingWorkingTime,
  type QueueStatus,
  type QueueStatusOptions,
  type RemainingTime,
} from './deadline/queue-status';
