/** Every migration, in order. The app runs them on start; `npm run migrate` runs them alone. */
import { Foundation1795388750004 } from './1795388750004-Foundation';

export const MIGRATIONS: Function[] = [Foundation1795388750004];
