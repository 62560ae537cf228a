import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { publishedInspection } from '../../model/publish.ts';

export const GET: APIRoute = () => {
  const { inspections, project } = siteModel();
  const m = project.messages[project.lang];
  const body = { inspections: inspections.map((inspection) => publishedInspection(inspection, m)) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
