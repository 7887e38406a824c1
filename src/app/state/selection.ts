import { createContext, useContext } from 'react';

/**
 * What the analyst is looking at, shared by the map, the list and the reader. `flySeq` grows on
 * every explicit "go there" request so focusing the same event twice still moves the map.
 */
export interface Selection {
  selectedId: string | null;
  hoveredId: string | null;
  flySeq: number;
  readerArticleId: string | null;
}

export interface SelectionActions {
  select: (id: string | null, options?: { fly?: boolean }) => void;
  hover: (id: string | null) => void;
  openReader: (articleId: string | null) => void;
}

export const SelectionContext = createContext<(Selection & SelectionActions) | null>(null);

export function useSelection(): Selection & SelectionActions {
  const value = useContext(SelectionContext);
  if (value === null) throw new Error('useSelection outside SelectionContext');
  return value;
}
