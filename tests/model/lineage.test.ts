/** The lineage of services, worked out from steps written on either side, and how a page words it. */
import { describe, expect, it } from 'vitest';
import { Lineage } from '../../src/model/lineage.ts';
import type { Project } from '../../src/model/project.ts';
import type { Service } from '../../src/model/schemas/service.ts';
import { sentenceText, serviceLineage } from '../../src/site/lineage.ts';

const service = (slug: string, lineage: Partial<Pick<Service, 'predecessors' | 'successors'>> = {}): Service => ({
  slug,
  name: `${slug[0]!.toUpperCase()}${slug.slice(1)} YJS`,
  shortName: slug,
  nation: 'Wales',
  region: 'South Wales',
  policeForceArea: 'South Wales',
  fictional: false,
  predecessors: [],
  successors: [],
  ...lineage,
});
const split = { service: 'bay', date: '2019-04-01', kind: 'split' as const };
const services = [
  service('bay'),
  service('bridgend', { predecessors: [split] }),
  service('neath', { predecessors: [split] }),
  // Written on the older side: the newer service's predecessor is worked out from it.
  service('swansea', { successors: [{ service: 'coast', date: '2024-04-01', kind: 'merger' }] }),
  service('gower'),
  service('coast', { predecessors: [{ service: 'gower', date: '2024-04-01', kind: 'merger' }] }),
];
services[3]!.predecessors.push(split);

describe('the lineage of services', () => {
  const lineage = new Lineage(services);

  it('works out both sides of every step, however it was written', () => {
    expect(lineage.successorsOf('bay').map((s) => s.to)).toEqual(['bridgend', 'neath', 'swansea']);
    expect(lineage.predecessorsOf('coast').map((s) => s.from)).toEqual(['gower', 'swansea']);
  });

  it('finds every service one came from, however many steps back', () => {
    expect(lineage.ancestorsOf('coast')).toEqual(['gower', 'swansea', 'bay']);
    expect(lineage.ancestorsOf('bay')).toEqual([]);
  });

  it('words each change with every service in it, once', () => {
    const project = { services } as unknown as Project;
    const words = (slug: string) => serviceLineage(project, [], slug).changes.map((c) => sentenceText(c.sentence));
    expect(words('swansea')).toEqual(['Bay YJS split on 1 April 2019 into Bridgend YJS, Neath YJS and Swansea YJS.', 'Gower YJS and Swansea YJS merged on 1 April 2024 to form Coast YJS.']);
    expect(words('bay')).toEqual(['Bay YJS split on 1 April 2019 into Bridgend YJS, Neath YJS and Swansea YJS.']);
    expect(words('gower')).toEqual(['Gower YJS and Swansea YJS merged on 1 April 2024 to form Coast YJS.']);
  });
});
