// One place that turns reports into the chosen format's text, for the run and for merge.
import type { FailOn, Report } from '../findings.js';
import type { OutputFormat } from '../options.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatCompact } from './compact.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatRdjson } from './rdjson.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface FormatOptions {
  failOn: FailOn;
  /** Colours in the text format. */
  color: boolean;
  /** SARIF category. */
  category?: string;
}

export function formatReports(format: OutputFormat, reports: Report[], o: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, o.category !== undefined ? { category: o.category } : {});
    case 'compact':
      return formatCompact(reports);
    case 'checkstyle':
      return formatCheckstyle(reports);
    case 'rdjson':
      return formatRdjson(reports);
    case 'gitlab':
      return formatGitlab(reports);
    case 'junit':
      return formatJunit(reports, o.failOn);
    case 'text':
      return formatText(reports, o.failOn, o.color);
  }
}
