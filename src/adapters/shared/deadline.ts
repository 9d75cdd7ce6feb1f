import { AppError } from '../../domain/shared/errors.js';

/** A wall-clock budget for reading one file; readers call check() between chunks. */
export class Deadline {
  private readonly endsAt: number;

  constructor(private readonly milliseconds: number) {
    this.endsAt = Date.now() + milliseconds;
  }

  check(): void {
    if (Date.now() > this.endsAt) {
      throw new AppError('TIMEOUT', { seconds: Math.round(this.milliseconds / 1000) });
    }
  }
}
