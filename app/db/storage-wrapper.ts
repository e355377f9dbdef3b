import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';

type Instance<Internals, Options> = RxStorageInstance<unknown, Internals, Options>;

/** An RxDB storage whose every instance `adapt` changes once, as it is created (the Dexie wrappers in app/db). */
export function adaptingInstances<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  adapt: (instance: Instance<Internals, Options>, params: RxStorageInstanceCreationParams<unknown, Options>) => void,
): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      adapt(instance as unknown as Instance<Internals, Options>, params as RxStorageInstanceCreationParams<unknown, Options>);
      return instance;
    },
  };
}
