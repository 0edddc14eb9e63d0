'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useMemo, useState, type FormEvent } from 'react';

type Runtime = 'nodejs' | 'edge';

export default function Chat() {
  const [runtime, setRuntime] = useState<Runtime>('nodejs');
  const transport = useMemo(
    () => new DefaultChatTransport({ api: runtime === 'edge' ? '/api/chat/edge' : '/api/chat' }),
    [runtime],
  );
  const { messages, sendMessage, status, error } = useChat({ transport });
  const [input, setInput] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!input.trim()) return;
    void sendMessage({ text: input });
    setInput('');
  }

  return (
    <main>
      <h1>Headroom chat</h1>
      <label>
        Runtime{' '}
        <select value={runtime} onChange={(e) => setRuntime(e.target.value as Runtime)}>
          <option value="nodejs">Node.js</option>
          <option value="edge">Edge</option>
        </select>
      </label>
      {messages.map((message) => (
        <div key={message.id} style={{ margin: '1rem 0' }}>
          <strong>{message.role === 'user' ? 'You' : 'Assistant'}</strong>
          {message.parts.map((part, i) =>
            part.type === 'text' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a message's parts have no ids and never reorder
              <p key={i} style={{ whiteSpace: 'pre-wrap' }}>
                {part.text}
              </p>
            ) : part.type.startsWith('tool-') ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <p key={i}>
                <em>used {part.type.slice(5)}</em>
              </p>
            ) : null,
          )}
        </div>
      ))}
      {error && <p role="alert">Error: {error.message}</p>}
      <form onSubmit={submit}>
        <input
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Why did checkout fail?"
          style={{ width: '80%' }}
        />
        <button type="submit" disabled={status !== 'ready'}>
          Send
        </button>
      </form>
    </main>
  );
}
