import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewTicketForm } from '@app/features/tickets/NewTicketForm';
import { preselectedSiteId, type TicketInput } from '@app/features/tickets/ticket-drafts';
import { buildCategory, buildSite } from '../../helpers/factories';

const london = buildSite({ id: 'site-lon', name: 'London Canary Wharf' });
const leeds = buildSite({ id: 'site-lds', name: 'Leeds Wellington' });
const input: TicketInput = { title: '', description: '', category: '', priority: 'medium', siteId: '', tags: '' };
const missing = {
  field: 'title',
  message: 'Give the ticket a title.',
  problems: [
    { field: 'title', message: 'Give the ticket a title.' },
    { field: 'siteId', message: 'Choose the site.' },
    { field: 'category', message: 'Choose a category.' },
  ],
};

function render(overrides: Partial<Parameters<typeof NewTicketForm>[0]> = {}): string {
  const props = { input, sites: [london, leeds], categories: [buildCategory({ name: 'HVAC' })], assets: [], error: undefined, reporting: false, onChange: () => undefined, onSubmit: () => undefined };
  return renderToStaticMarkup(createElement(NewTicketForm, { ...props, ...overrides }));
}

/** The markup of the form cell (`div.field`) whose label starts with `label`. */
function cellOf(markup: string, label: string): string {
  const cells = markup.split('<div class="field">').slice(1).map((cell) => cell.slice(0, cell.indexOf('</div>') + '</div>'.length));
  return cells.find((cell) => cell.startsWith(`<label>${label}`)) ?? '';
}

describe('the new-ticket form', () => {
  it('puts each message right under its own field, and marks that field invalid', () => {
    const markup = render({ error: missing });
    expect(cellOf(markup, 'Site')).toMatch(/<select aria-invalid="true" aria-describedby="new-ticket-siteId-error">[\s\S]*<\/label><p id="new-ticket-siteId-error"[^>]*>Choose the site\.<\/p><\/div>$/);
    expect(cellOf(markup, 'Category')).toMatch(/<select aria-invalid="true" aria-describedby="new-ticket-category-error">[\s\S]*<\/label><p id="new-ticket-category-error"[^>]*>Choose a category\.<\/p><\/div>$/);
    expect(cellOf(markup, 'Priority')).not.toMatch(/field-error|aria-invalid/);
    expect(markup.indexOf('Choose the site.')).toBeLessThan(markup.indexOf('Asset (optional)'));
    expect(markup.indexOf('Choose a category.')).toBeLessThan(markup.indexOf('Priority'));
  });

  it('marks nothing invalid before a submit', () => {
    expect(render()).not.toMatch(/aria-invalid|field-error/);
  });

  it('uses the desk’s words for the desk, and a reporter’s for a site manager', () => {
    expect(render()).toMatch(/Tags \(comma-separated\)[\s\S]*<button type="submit">Create ticket<\/button>/);
    const report = render({ reporting: true });
    expect(report).not.toContain('Tags');
    expect(report).toContain('<button type="submit">Send report</button>');
  });

  it('shows a site manager’s only site chosen, without a choice of none', () => {
    const markup = render({ reporting: true, sites: [london], input: { ...input, siteId: preselectedSiteId('site_manager', [london]) } });
    expect(cellOf(markup, 'Site')).toContain('<option value="site-lon" selected="">London Canary Wharf</option>');
    expect(cellOf(markup, 'Site')).not.toContain('Choose a site');
  });
});

describe('the preselected site', () => {
  it('is a site manager’s only site, and nothing otherwise', () => {
    expect(preselectedSiteId('site_manager', [london])).toBe('site-lon');
    expect(preselectedSiteId('site_manager', [london, leeds])).toBe('');
    expect(preselectedSiteId('site_manager', [])).toBe('');
    expect(preselectedSiteId('dispatcher', [london])).toBe('');
  });
});
