// readResourcesMap on maps idmap2 refuses: each is a ResourcesMapError (the overlay then fails closed).
import { describe, expect, it } from '@jest/globals';
import { OverlayResources, readResourcesMap, ResourcesMapError } from '../../src/extract/resources-map.js';

const none = new OverlayResources([]);

describe('readResourcesMap', () => {
  it('refuses bytes that are no compiled XML, text XML and a document whose root is not <overlay>', () => {
    expect(() => readResourcesMap(Buffer.from([3, 0, 8, 0, 0xff, 0xff, 0, 0]), none, 'com.t')).toThrow(ResourcesMapError);
    expect(() => readResourcesMap(Buffer.from('<overlay><item target="bool/x" value="true"/></overlay>'), none, 'com.t')).toThrow(/text, not compiled XML/);
  });
});
