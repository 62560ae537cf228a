/**
 * The outline of a full inspection report: the template's sections in order, each with the
 * computed data it shows. The page and the PDF both render this one outline.
 */
import type { DocumentTemplate } from './schemas/document-template.ts';
import type { GlossaryTerm } from './schemas/glossary.ts';
import type { Inspection } from './project.ts';
import { NOT_RATED, ratingLabel, type StandardResult } from './rating.ts';
import { termsUsedIn } from './glossary-terms.ts';
import { standardWords } from './translations.ts';

export interface NarrativeText {
  /** Level-2 headings of report.mdx, as written. */
  headings: readonly string[];
  /** The whole narrative as plain text, for finding glossary terms. */
  text: string;
}

export interface RatedStandard {
  id: string;
  name: string;
  statement: string;
  rating: string;
  label: string;
  /** "*" when professional judgement applied, else "". */
  mark: string;
  keyQuestions: { id: string; text: string; yes: number; relevant: number; percent: number | null }[];
  sampleSize: number | null;
}

export type ReportSection =
  | { kind: 'narrative'; heading: string; narrative: string }
  | { kind: 'overall-findings'; heading: string; overall: string; domains: { id: string; name: string; strengths: string[]; improvements: string[] }[] }
  | { kind: 'ratings-summary'; heading: string; fieldworkStart: string; domains: { id: string; name: string; standards: RatedStandard[] }[] }
  | { kind: 'recommendations'; heading: string; groups: { addressee: string; items: { number: number; text: string }[] }[] }
  | { kind: 'contextual-facts'; heading: string; facts: Inspection['source']['context'] }
  | { kind: 'domain'; heading: string; domainId: string; standards: RatedStandard[] }
  | { kind: 'methodology'; heading: string; samples: { domainId: string; domainName: string; caseType: string; cases: number }[] }
  | { kind: 'results'; heading: string; domains: { id: string; name: string; standards: RatedStandard[] }[]; footnote: string | null }
  | { kind: 'glossary'; heading: string; terms: GlossaryTerm[] };

function rated(inspection: Inspection, standard: StandardResult): RatedStandard {
  const { framework } = inspection;
  // The rating is the same object in every language: the words come from the view's framework.
  const words = standardWords(inspection, standard.id);
  return {
    id: standard.id,
    name: words?.name ?? standard.name,
    statement: words?.statement ?? standard.statement,
    rating: standard.awarded,
    label: ratingLabel(framework, standard.awarded),
    mark: standard.professionalJudgement ? framework.professionalJudgement.mark : '',
    keyQuestions: standard.keyQuestions.map((q) => ({ id: q.id, text: words?.keyQuestions.get(q.id) ?? q.text, yes: q.yes, relevant: q.relevant, percent: q.percent?.shown ?? null })),
    sampleSize: standard.sampleSize,
  };
}

export function reportOutline(inspection: Inspection, template: DocumentTemplate, glossary: readonly GlossaryTerm[], narrative: NarrativeText): ReportSection[] {
  const { framework, rating, source } = inspection;
  const byDomain = framework.domains.map((domain) => ({
    id: domain.id,
    name: domain.name,
    caseType: domain.caseType,
    standards: rating.standards.filter((s) => s.domainId === domain.id).map((s) => rated(inspection, s)),
  }));
  const sections: ReportSection[] = [];
  for (const section of template.sections) {
    switch (section.kind) {
      case 'narrative':
        if (narrative.headings.some((h) => h.toLowerCase() === section.narrative.toLowerCase()) || !section.optional) {
          sections.push({ kind: 'narrative', heading: section.heading, narrative: section.narrative });
        }
        break;
      case 'overall-findings':
        sections.push({
          kind: 'overall-findings',
          heading: section.heading,
          overall: ratingLabel(framework, rating.overall.rating),
          domains: framework.domains
            .filter((d) => source.findings[d.id])
            .map((d) => ({ id: d.id, name: d.name, strengths: source.findings[d.id]!.strengths, improvements: source.findings[d.id]!.improvements })),
        });
        break;
      case 'ratings-summary':
        sections.push({ kind: 'ratings-summary', heading: section.heading, fieldworkStart: source.fieldwork.start, domains: byDomain.map(({ id, name, standards }) => ({ id, name, standards })) });
        break;
      case 'recommendations': {
        // Grouped under each addressee in the order they first appear; numbering stays as written.
        const groups: { addressee: string; items: { number: number; text: string }[] }[] = [];
        for (const r of source.recommendations) {
          let group = groups.find((g) => g.addressee === r.addressee);
          if (!group) groups.push((group = { addressee: r.addressee, items: [] }));
          group.items.push({ number: r.number, text: r.text });
        }
        sections.push({ kind: 'recommendations', heading: section.heading, groups });
        break;
      }
      case 'contextual-facts':
        sections.push({ kind: 'contextual-facts', heading: section.heading, facts: source.context });
        break;
      case 'domains':
        for (const domain of byDomain) {
          const standards = domain.standards.filter((s) => s.rating !== NOT_RATED || narrative.headings.some((h) => h.startsWith(`${s.id} `)));
          sections.push({ kind: 'domain', heading: `${domain.id}. ${domain.name}`, domainId: domain.id, standards });
        }
        break;
      case 'methodology':
        sections.push({
          kind: 'methodology',
          heading: section.heading,
          samples: byDomain.filter((d) => d.caseType).map((d) => ({ domainId: d.id, domainName: d.name, caseType: d.caseType!, cases: rating.sampleSize[d.caseType!] })),
        });
        break;
      case 'results': {
        const anyJudgement = rating.standards.some((s) => s.professionalJudgement);
        sections.push({
          kind: 'results',
          heading: section.heading,
          domains: byDomain.map(({ id, name, standards }) => ({ id, name, standards })),
          footnote: anyJudgement ? `${framework.professionalJudgement.mark}${framework.professionalJudgement.footnote}.` : null,
        });
        break;
      }
      case 'glossary': {
        const texts = [narrative.text, ...source.recommendations.map((r) => r.text), ...Object.values(source.findings).flatMap((f) => [...f.strengths, ...f.improvements])];
        const used = new Set([...termsUsedIn(texts, glossary).map((t) => t.id), ...source.glossary]);
        const terms = glossary.filter((t) => used.has(t.id)).sort((a, b) => a.term.localeCompare(b.term, 'en-GB'));
        sections.push({ kind: 'glossary', heading: section.heading, terms });
        break;
      }
    }
  }
  return sections;
}
