import { createTokenCounter } from '@headroom/core';
import { beforeAll } from 'vitest';

// The tokenizer's rank table loads once per worker; on a loaded machine that alone can outlast a test's timeout.
beforeAll(async () => {
  await createTokenCounter('gpt-4o');
}, 180_000);
