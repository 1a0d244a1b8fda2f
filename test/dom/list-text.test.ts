import { describe, expect, it } from 'vitest';
import {
  SOURCE_EXTENSION,
  SOURCE_THIS_DEVICE,
  captureReason,
  reasonText,
  sourceText,
} from '../../lib/list-text';

const CASE_ID = '2c022dc6-97cb-452f-b2f6-034ffc5ecbff';

describe('list entry texts', () => {
  it('shows a captured case reason with a short id', () => {
    expect(reasonText(captureReason(CASE_ID))).toBe('Deletion request (case 2c022dc6)');
  });

  it('keeps other reasons as written', () => {
    expect(reasonText('Deletion request from the web form')).toBe(
      'Deletion request from the web form',
    );
    expect(reasonText('投诉')).toBe('投诉');
  });

  it('names the sources DNC Guard writes', () => {
    expect(sourceText(SOURCE_THIS_DEVICE)).toBe('This browser, not yet confirmed by the server');
    expect(sourceText(SOURCE_EXTENSION)).toBe('Added by an agent in DNC Guard');
    expect(sourceText('csv:lead-list.csv')).toBe('csv:lead-list.csv');
  });
});
