/** The party-primary decision: flag, then preset, then file-name words, then the data; always with a reason. */
import { describe, expect, it } from 'vitest';
import { ballotFromName, ballotMode } from '../../../src/layout/ballot-mode.js';
import { findPreset, majority } from '../../../src/count/rules/presets.js';

describe('ballotFromName', () => {
  it.each([
    ['la_2015-10-24_primary-jungle_county.csv', false, 'jungle'],
    ['ga_2020-09-29_special-jungle_us-house-5.csv', false, 'jungle'],
    ['wa_2024_top-two_primary.csv', false, 'top-two'],
    ['ca_open_primary.csv', false, 'open'],
    ['nonpartisan-primary.csv', false, 'nonpartisan'],
    ['tx_2018-05-22_democratic_primary-runoff_county.csv', true, 'primary-runoff'],
    ['ga_2018-05-22_primary_county_TRIMMED.csv', true, 'primary'],
  ])('%s → partyPrimary %s (%s)', (name, partyPrimary, word) => {
    expect(ballotFromName(`/some/dir/${name}`)).toEqual({ partyPrimary, word });
  });

  it('says nothing for results.csv, stdin or a word inside another (primaryschool, opened)', () => {
    expect(ballotFromName('results.csv')).toBeNull();
    expect(ballotFromName('opened_primaryschool.csv')).toBeNull();
    // A folder name is not the file's name.
    expect(ballotFromName('/data/primary/results.csv')).toBeNull();
  });
});

describe('ballotMode', () => {
  const la = findPreset('us-la');
  const tx = findPreset('us-tx');
  if (!la || !tx) throw new Error('presets missing');

  it('a flag beats everything', () => {
    expect(ballotMode(['x_primary.csv'], false, tx).mode).toMatchObject({ partyPrimary: false, source: 'flag' });
  });

  it('a preset that names its ballot beats the file name', () => {
    expect(ballotMode(['la_primary.csv'], null, la).mode).toMatchObject({ partyPrimary: false, source: 'preset' });
    expect(ballotMode(['results.csv'], null, tx).mode).toMatchObject({ partyPrimary: true, source: 'preset' });
  });

  it('the file name decides under a preset that covers both, and says which word', () => {
    const { mode } = ballotMode(['dir/la_2015-10-24_primary-jungle_county.csv'], null, majority);
    expect(mode).toMatchObject({ partyPrimary: false, source: 'file-name' });
    expect(mode.reason).toContain('"jungle"');
  });

  it('file names that disagree: decided from the data, with a warning', () => {
    const r = ballotMode(['a_primary.csv', 'b_jungle.csv'], null, majority);
    expect(r.mode.source).toBe('default');
    expect(r.warning?.code).toBe('ballot-names-disagree');
  });

  it('nothing to go on: default, one race across parties', () => {
    expect(ballotMode(['-'], null, majority).mode).toMatchObject({ partyPrimary: false, source: 'default' });
  });
});
