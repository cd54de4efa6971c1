/** English strings of the briefing-text formatting help (renderer/components/Markdown.tsx). */
export const markdown = {
  'markdown.help': 'Formatting you can use:',
  'markdown.help.sample': 'text',
  'markdown.help.strong': 'bold',
  'markdown.help.emphasis': 'italic',
  'markdown.help.link': 'link (https:// links open in your browser)',
  'markdown.help.bullet': 'at the start of a line: bulleted list item (indent two spaces to nest)',
  'markdown.help.numbered': 'at the start of a line: numbered list item',
  'markdown.help.escape': 'a backslash shows the next symbol as typed',
  'markdown.help.paragraphs': 'Leave a blank line between paragraphs; a single line break is kept.',
  'markdown.help.safety': 'Anything else, including HTML, headings and images, is shown exactly as typed.',
} as const;
