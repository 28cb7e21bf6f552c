// Plain text as councils write it in plans, updates, risks and the voice of the child (paragraphs
// split by blank lines, "- ", "* " or "• " bullet lines) as blocks the kit's `prose` macro renders.

export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[-*•]\s+/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const part of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = part.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = (): void => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      if (list.length > 0) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        if (paragraph.length > 0) flush();
        list.push(line.replace(BULLET, ''));
      } else {
        if (list.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
