import 'reflect-metadata';

// Every test process: test mode, a fixed secret (no file under DATA_DIR), quiet logs.
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.LOG_LEVEL ??= 'silent';
