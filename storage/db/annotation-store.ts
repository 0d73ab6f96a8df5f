import { AnnotationSchema, type Annotation } from '../model/annotation';
import type { SourcemarkDB } from './db';
import { patched, type EditableFields } from '../model/patch';

/**
 * The only code that reads and writes the annotations table. Every write is validated again
 * here, so nothing malformed reaches the disk even if a caller skipped the message schema.
 */
export class AnnotationStore {
  constructor(private readonly db: SourcemarkDB) {}

  async save(annotation: Annotation): Promise<Annotation> {
    const valid = AnnotationSchema.parse(annotation);
    await this.db.annotations.put(valid);
    return valid;
  }

  async update(
    id: string,
    patch: EditableFields,
    now: Date = new Date(),
  ): Promise<Annotation> {
    return this.db.transaction('rw', this.db.annotations, async () => {
      const current = await this.db.annotations.get(id);
      if (!current) throw new Error(`no annotation with id ${id}`);
      const next = AnnotationSchema.parse(patched(current, patch, now.toISOString()));
      await this.db.annotations.put(next);
      return next;
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction('rw', this.db.annotations, async () => {
      const existed = (await this.db.annotations.get(id)) !== undefined;
      await this.db.annotations.delete(id);
      return existed;
    });
  }

  forPage(pageKey: string): Promise<Annotation[]> {
    return this.db.annotations.where('pageKey').equals(pageKey).sortBy('created');
  }
}
