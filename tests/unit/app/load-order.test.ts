import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadOrder, workOrdersFirst } from '@app/sync/load-order';

afterEach(() => {
  vi.useRealTimers();
});

/** Whether the promise has settled by the time pending callbacks ran. */
async function isDone(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('load order: small collections first', () => {
  it('holds a bulk load back until every other collection has started or is bulk itself', async () => {
    const order = new LoadOrder(['workOrders', 'assets', 'sites', 'categories']);
    const workOrders = order.bulkTurn('workOrders');
    expect(await isDone(workOrders)).toBe(false);
    order.settled('sites');
    expect(await isDone(workOrders)).toBe(false);
    const assets = order.bulkTurn('assets');
    expect(await isDone(workOrders)).toBe(false);
    order.settled('categories');
    expect(await isDone(workOrders)).toBe(true);
    expect(await isDone(assets)).toBe(true);
  });

  it.each([
    ['a bulk load', (order: LoadOrder) => order.bulkTurn('workOrders')],
    ['a load of one page', (order: LoadOrder) => order.onePageTurn('sites')],
  ])('lets %s go on after two seconds, whatever the others do', async (_, turn) => {
    vi.useFakeTimers();
    const order = new LoadOrder(['workOrders', 'sites']);
    let done = false;
    void turn(order).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('holds nothing back once all have settled, and a collection settles once', async () => {
    const order = new LoadOrder(['workOrders', 'sites']);
    order.settled('sites');
    order.settled('sites');
    order.settled('workOrders');
    expect(await isDone(order.bulkTurn('workOrders'))).toBe(true);
  });
});

describe('load order: the bulk loads’ first pages before the small collections’ pages', () => {
  it('holds a load of one page back until every bulk load has handed over its first page', async () => {
    const order = new LoadOrder(['workOrders', 'assets', 'sites']);
    const sites = order.onePageTurn('sites');
    expect(await isDone(sites)).toBe(false);
    order.firstPageOut('workOrders');
    expect(await isDone(sites)).toBe(false);
    // A collection that settles (its replication started without a load) holds nothing back either.
    order.settled('assets');
    expect(await isDone(sites)).toBe(true);
  });
});

describe('workOrdersFirst', () => {
  it('puts the work orders first and keeps the order of the others', () => {
    expect(workOrdersFirst(['users', 'sites', 'workOrders', 'comments'])).toEqual(['workOrders', 'users', 'sites', 'comments']);
  });

  it('leaves a list without work orders as it is, and does not change the list it was given', () => {
    const given = ['sites', 'users'] as const;
    expect(workOrdersFirst(given)).toEqual(['sites', 'users']);
    const withWorkOrders = ['sites', 'workOrders'];
    workOrdersFirst(withWorkOrders);
    expect(withWorkOrders).toEqual(['sites', 'workOrders']);
  });
});
