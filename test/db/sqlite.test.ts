import { makeSqlite } from './support/databases.js';
import { repositorySuite } from './support/repository-suite.js';

// The repository suite on SQLite: a new database file in a temporary folder for each group.
repositorySuite(makeSqlite);
