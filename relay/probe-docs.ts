import * as Y from 'yjs';

/*
 * Probes: for each document an authorship check watches, a copy of the stored document kept in
 * step with it (every update the document takes is applied to the copy too). A check applies an
 * incoming update to the probe first and judges what it did; a refused update leaves the probe
 * holding it, so the probe is thrown away (`drop`) and built again from the document next time.
 */

export class ProbeDocs {
  private readonly probes = new Map<string, { doc: Y.Doc; detach(): void }>();

  /** The probe of the document called `name` (made from `document` if there is none). */
  probeFor(name: string, document: Y.Doc): Y.Doc {
    const existing = this.probes.get(name);
    if (existing) return existing.doc;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
    const mirror = (update: Uint8Array) => Y.applyUpdate(doc, update);
    document.on('update', mirror);
    const probe = {
      doc,
      detach: () => {
        document.off('update', mirror);
        doc.destroy();
      },
    };
    this.probes.set(name, probe);
    return doc;
  }

  drop(name: string): void {
    this.probes.get(name)?.detach();
    this.probes.delete(name);
  }
}
