import { describe, expect, it } from '@jest/globals';
import { isPresentClient, renderClientsOutput, setOutputs, type ClientsOutput } from '../../src/channels/outputs.js';
import { createTestClient, createTestReport, createTestTarget } from '../../__fixtures__/report.js';

describe('setOutputs', () => {
  it('sets verdict, counts, file paths and clients', () => {
    const outputs: Record<string, unknown> = {};
    setOutputs(createTestReport(), { reportFile: 'out/report.json' }, { setOutput: (k, v) => (outputs[k] = v) });
    expect(Object.keys(outputs)).toEqual(['verdict', 'errors', 'warnings', 'report-file', 'sarif-file', 'clients']);
    expect(outputs).toMatchObject({ verdict: 'fail', errors: '2', warnings: '0', 'report-file': 'out/report.json', 'sarif-file': '' });
    expect(JSON.parse(outputs.clients as string)).toEqual({
      targets: [
        {
          target: '600E0@out/target/product/ctl',
          market: 'EU',
          clients: [
            {
              id: 'ct-self-registration-qualcomm',
              market: 'CN',
              package: 'com.qualcomm.qti.autoregistration',
              allowed: false,
              name: 'China Telecom self-registration (Qualcomm)',
              path: 'system/priv-app/AutoRegistration/AutoRegistration.apk',
              matchedBy: ['package', 'host'],
            },
          ],
        },
      ],
    });
  });
});

describe('renderClientsOutput', () => {
  it('lists only present clients (installed package or signer, or suspected)', () => {
    expect(isPresentClient(createTestClient({ matchedBy: ['host'] }))).toBe(false);
    expect(isPresentClient(createTestClient({ matchedBy: ['signer'] }))).toBe(true);
    expect(isPresentClient(createTestClient({ matchedBy: ['host'], suspected: true }))).toBe(true);
    const report = createTestReport({
      targets: [createTestTarget({ clients: [createTestClient(), createTestClient({ id: 'cu-dm', matchedBy: ['host'] })] })],
    });
    const out = JSON.parse(renderClientsOutput(report)) as ClientsOutput;
    expect(out.targets[0].clients.map((c) => c.id)).toEqual(['ct-self-registration-qualcomm']);
  });

  function bigReport(perTarget: number) {
    return createTestReport({
      targets: ['600E0', '601E0'].map((sku) =>
        createTestTarget({
          id: `${sku}@out`,
          clients: Array.from({ length: perTarget }, (_, i) =>
            createTestClient({ id: `client-${String(i).padStart(5, '0')}`, package: `com.acme.c${i}`, allowed: i % 2 === 0, path: `system/app/C${i}/C${i}.apk` }),
          ),
        }),
      ),
      findings: [],
    });
  }

  it('drops fields first and says so', () => {
    const report = bigReport(50);
    const full = renderClientsOutput(report);
    const lean = renderClientsOutput(report, Buffer.byteLength(full) - 1);
    expect(Buffer.byteLength(lean)).toBeLessThan(Buffer.byteLength(full));
    const parsed = JSON.parse(lean) as ClientsOutput;
    expect(parsed.truncated).toMatch(/name, path and matchedBy dropped/);
    expect(parsed.targets[0].clients).toHaveLength(50);
    expect(parsed.targets[0].clients[0]).toEqual({ id: 'client-00000', market: 'CN', package: 'com.acme.c0', allowed: true });
  });

  it('then drops entries, allowed ones first, and counts them', () => {
    const budget = 4000;
    const out = renderClientsOutput(bigReport(200), budget);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(budget);
    const parsed = JSON.parse(out) as ClientsOutput;
    expect(parsed.truncated).toMatch(/entries dropped/);
    for (const t of parsed.targets) {
      expect(t.omitted).toBeGreaterThan(0);
      expect(t.clients.length + (t.omitted ?? 0)).toBe(200);
      expect(t.clients.every((c) => !c.allowed)).toBe(true);
    }
  });

  it('stays under 1 MB for a huge inventory', () => {
    const out = renderClientsOutput(bigReport(20000));
    expect(Buffer.byteLength(out)).toBeLessThan(1_000_000);
    expect(() => JSON.parse(out)).not.toThrow();
  });
});
