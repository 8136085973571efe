// Runs before every test file (jest.config.js setupFilesAfterEnv).
import { afterAll } from '@jest/globals';
import './fast-check-seed.js';
import { removeTempDirs } from './temp.js';

afterAll(removeTempDirs);
