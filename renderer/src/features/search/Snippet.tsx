import { Mark } from '@mantine/core';
import { splitSnippet } from './hits';

/** A search snippet with the matched words in <mark>; plain text nodes, never HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) =>
        part.hit ? (
          <Mark key={i} color="yellow">
            {part.text}
          </Mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
