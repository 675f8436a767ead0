import { describe, expect, it } from 'vitest';
import { parseStackConfig, STACK_CONFIG_KEYS } from '../../lib/stack-config';

describe('stack configuration from cdk context', () => {
  it('defaults to the cheapest working setup', () => {
    expect(parseStackConfig({ mailFromAddress: 'ops@example.com' })).toEqual({
      mailFromAddress: 'ops@example.com',
      natMode: 'instance',
      interfaceEndpoints: false,
      dbMinCapacity: 0,
      dbMaxCapacity: 4,
      deletionProtection: true,
      backupRetentionDays: 7,
      useRdsProxy: false,
      corsOrigins: [],
      webAssetPath: 'web/dist',
      llmProvider: 'anthropic',
      anthropicModel: 'claude-sonnet-4-6',
      bedrockModel: 'global.anthropic.claude-sonnet-4-6',
      originVerifyGeneration: 1,
    });
  });

  it('reads the strings `-c key=value` gives', () => {
    const config = parseStackConfig({
      natMode: 'gateway',
      interfaceEndpoints: 'true',
      dbMinCapacity: '0.5',
      dbMaxCapacity: '16',
      deletionProtection: 'true',
      backupRetentionDays: '30',
      useRdsProxy: 'false',
      alarmEmail: 'ops@example.com',
      mailFromDomain: 'example.com',
      corsOrigins: 'https://app.example.com, https://admin.example.com',
    });
    expect(config).toMatchObject({
      natMode: 'gateway',
      interfaceEndpoints: true,
      dbMinCapacity: 0.5,
      dbMaxCapacity: 16,
      deletionProtection: true,
      backupRetentionDays: 30,
      useRdsProxy: false,
      alarmEmail: 'ops@example.com',
      mailFromDomain: 'example.com',
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
    });
  });

  it('refuses to go without a sender SES can verify, naming both ways to give one', () => {
    for (const raw of [{}, { mailFromDomain: '', mailFromAddress: '' }]) {
      expect(() => parseStackConfig(raw)).toThrow(
        /mailFromDomain: .*mailFromDomain=example\.com.*mailFromAddress=/,
      );
    }
    expect(() =>
      parseStackConfig({ mailFromDomain: 'example.com', mailFromAddress: 'ops@example.com' }),
    ).toThrow(/exactly one/);
    expect(() => parseStackConfig({ mailFromDomain: 'localhost' })).toThrow(
      /mailFromDomain: must be a domain/,
    );
    expect(() => parseStackConfig({ mailFromDomain: 'https://example.com' })).toThrow(/mailFromDomain/);
    expect(() => parseStackConfig({ mailFromAddress: 'no-reply@' })).toThrow(/mailFromAddress/);
    expect(parseStackConfig({ mailFromDomain: 'mail.example.co.uk' }).mailFromDomain).toBe(
      'mail.example.co.uk',
    );
  });

  it('refuses no egress with the Anthropic API, which needs the internet; Bedrock has its endpoint', () => {
    const mail = { mailFromDomain: 'example.com' };
    expect(() => parseStackConfig({ ...mail, natMode: 'none' })).toThrow(
      /llmProvider: natMode=none leaves no route to the Anthropic API/,
    );
    expect(parseStackConfig({ ...mail, natMode: 'none', llmProvider: 'bedrock' }).natMode).toBe('none');
    expect(parseStackConfig({ ...mail, natMode: 'none', llmProvider: 'offline' }).natMode).toBe('none');
  });

  it('takes model ids of the right shape for each provider', () => {
    const mail = { mailFromDomain: 'example.com' };
    expect(
      parseStackConfig({
        ...mail,
        anthropicModel: 'claude-sonnet-4-5-20250929',
        bedrockModel: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      }),
    ).toMatchObject({
      anthropicModel: 'claude-sonnet-4-5-20250929',
      bedrockModel: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    });
    expect(() => parseStackConfig({ ...mail, anthropicModel: 'gpt-4o' })).toThrow(/anthropicModel/);
    // The Bedrock grant covers Anthropic Claude models only.
    expect(() => parseStackConfig({ ...mail, bedrockModel: 'amazon.nova-pro-v1:0' })).toThrow(/bedrockModel/);
    expect(() => parseStackConfig({ ...mail, bedrockModel: 'claude-sonnet-4-6' })).toThrow(/bedrockModel/);
  });

  it('reads typed values from cdk.json and treats empty strings as unset', () => {
    const config = parseStackConfig({
      mailFromDomain: 'example.com',
      deletionProtection: true,
      corsOrigins: ['https://a.example'],
      alarmEmail: '',
    });
    expect(config.deletionProtection).toBe(true);
    expect(config.corsOrigins).toEqual(['https://a.example']);
    expect(config.alarmEmail).toBeUndefined();
  });

  it('lists every bad key in one error', () => {
    let message = '';
    try {
      parseStackConfig({
        natMode: 'cheap',
        backupRetentionDays: '90',
        alarmEmail: 'not-an-email',
        corsOrigins: 'https://app.example.com/',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ['natMode', 'backupRetentionDays', 'alarmEmail', 'corsOrigins']) {
      expect(message).toContain(`  ${key}`);
    }
  });

  it('refuses a max capacity below the min, odd ACU steps, and a domain without certificate', () => {
    const mail = { mailFromDomain: 'example.com' };
    expect(() => parseStackConfig({ ...mail, dbMinCapacity: '8', dbMaxCapacity: '2' })).toThrow(
      /dbMaxCapacity/,
    );
    expect(() => parseStackConfig({ ...mail, dbMaxCapacity: '2.3' })).toThrow(/dbMaxCapacity/);
    expect(() => parseStackConfig({ ...mail, dbMinCapacity: '0.25' })).toThrow(/dbMinCapacity/);
    expect(() => parseStackConfig({ ...mail, domainName: 'plume.example.com' })).toThrow(/certificateArn/);
  });

  it('exposes one context key per property', () => {
    expect([...STACK_CONFIG_KEYS].sort()).toEqual(
      [
        'natMode',
        'interfaceEndpoints',
        'dbMinCapacity',
        'dbMaxCapacity',
        'deletionProtection',
        'backupRetentionDays',
        'useRdsProxy',
        'alarmEmail',
        'mailFromDomain',
        'mailFromAddress',
        'corsOrigins',
        'webAssetPath',
        'llmProvider',
        'domainName',
        'certificateArn',
        'originVerifyGeneration',
        'anthropicModel',
        'bedrockModel',
      ].sort(),
    );
  });
});
