import { describe, expect, it } from 'vitest';
import { homeLabelFor } from '@app/components/nav-items';

describe('the home screen’s name', () => {
  it('is what the role’s navigation calls it, so a back link says where it leads', () => {
    expect(homeLabelFor('engineer')).toBe('Today');
    expect(homeLabelFor('site_manager')).toBe('Home');
    expect(homeLabelFor('dispatcher')).toBe('Queue');
    expect(homeLabelFor('admin')).toBe('Queue');
  });
});
