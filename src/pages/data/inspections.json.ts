import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { publishedInspection } from '../../model/publish.ts';

export const GET: APIRoute = () => {
  const { inspections } = siteModel();
  const body = { inspections: inspections.map(publishedInspection) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
