/** An article as the core receives it: text plus the metadata features carry. */
export interface Article {
  id: string;
  title: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  published: string;
  text: string;
  source?: string | null;
}
