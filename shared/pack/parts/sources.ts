import type { PartComposer } from '../compose-context';
import type { PackSource } from '../model';

/** Every source cited, numbered in the order the pages first print it. Composed after every part that cites. */
export function packSources(ctx: Parameters<PartComposer>[0]): PackSource[] {
  return ctx.numbers.list().map(([id, number]) => {
    const source = ctx.sourceById.get(id)!;
    return {
      number,
      id,
      title: ctx.text(source.title),
      detail: [
        source.publisher,
        source.date ? ctx.format.date(source.date) : '',
        source.referenceNumber ?? '',
        // The document's language when it is not the pack's ("in Thai"), and how authoritative it is.
        source.language !== ctx.options.language ? ctx.t('sources.language', { language: ctx.format.language(source.language) }) : '',
        source.authority ? ctx.t(`sources.authority.${source.authority}`) : '',
      ]
        .filter(Boolean)
        .join(', '),
      ...(source.url ? { url: source.url } : {}),
    };
  });
}

export const composeSources: PartComposer = (ctx) => [
  {
    id: 'sources',
    title: ctx.t('part.sources'),
    level: 1,
    blocks: [
      ctx.tableOr(
        'sources.none',
        [
          ['col.number', 6],
          ['col.source', 94],
        ],
        packSources(ctx).map((s) => ({ cells: [`[${s.number}]`, [s.title, s.detail, s.url].filter(Boolean).join(' — ')] })),
      ),
    ],
  },
];
