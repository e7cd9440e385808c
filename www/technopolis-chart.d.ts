import type { DatasetProblem, Explorer, ExplorerOptions, ExplorerState, ExplorerTimings } from './pkg/technopolis_explorer.js';
export type { DatasetProblem, Explorer, ExplorerOptions, ExplorerState, ExplorerTimings };

/** Builds an explorer inside `element` (style.css must apply to it); resolves to its handle.
 *  Rejects with a TypeError or RangeError for an option it does not take. */
export function mount(element: HTMLElement, options?: ExplorerOptions): Promise<Explorer>;

/** <technopolis-chart view lang theme sort select measure period labels src height> */
export class TechnopolisChart extends HTMLElement {
  /** The explorer once the chart has started (after its `ready` event), else null. */
  readonly explorer: Explorer | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'technopolis-chart': TechnopolisChart;
  }
}
